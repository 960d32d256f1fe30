//! What staff see at the foot of a vote page: a link to who took part (`participants.rs`)
//! and "Download result (CSV)" (`layout::CsvDownload`).

use leptos::prelude::*;
use linli_api::ids::VoteId;

use crate::i18n::tr;
use crate::layout::CsvDownload;
use crate::session::{can_invite, Session};

/// The name the file is saved under.
pub fn csv_file_name(id: VoteId) -> String {
    format!("vote-{id}.csv")
}

/// The staff's actions on vote `id`; nothing for anyone else.
#[component]
pub fn StaffTools(id: VoteId) -> impl IntoView {
    let session = Session::get();
    let staff = move || session.me().is_some_and(|me| can_invite(me.role));
    move || {
        staff().then(|| {
            view! {
                <section id="vote-staff" class="staff-tools" aria-labelledby="vote-staff-heading">
                    <h2 id="vote-staff-heading">{tr("hall-staff-tools")}</h2>
                    <a class="button" id="participants-link" href=format!("/hall/votes/{id}/participants")>
                        {tr("hall-participants-link")}
                    </a>
                    <CsvDownload id="export-csv" label="hall-export-csv" file=csv_file_name(id)
                        fetch=move |client: linli_api::Client| async move { client.export_vote_csv(id).await }/>
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_vote() {
        assert_eq!(csv_file_name(VoteId(42)), "vote-42.csv");
    }
}
