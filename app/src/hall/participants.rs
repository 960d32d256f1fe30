//! `/hall/votes/:id/participants` (staff): who took part in a vote, one card each: name,
//! household, when (in the community's zone), the family member who cast it as proxy, and
//! what they chose, unless the vote is secret; then a line at the top says only taking part
//! is shown. A page at a time ("more" brings the next). The server writes every look at this
//! list to its audit log, so the list loads once per visit and does not follow the live count.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::hall::{Participant, Vote};
use linli_api::ids::VoteId;
use linli_api::paging::PageQuery;
use linli_api::ErrorCode;

use super::option_text;
use super::vote::parse_vote_id;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, ListPage, Loaded, Loading, MoreButton, Page, Pages};
use crate::me::household_text;
use crate::session::{can_invite, Session};

/// What a participant chose, in the vote's own words; `None` for a secret vote.
pub fn choice_text(vote: &Vote, participant: &Participant) -> Option<String> {
    let choices = participant.choices.as_ref()?;
    Some(choices.iter().map(|choice| option_text(vote, *choice)).collect::<Vec<_>>().join(&t("list-separator")))
}

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let params = use_params_map();
    let id = parse_vote_id(params.read_untracked().get("id"));
    let back = id.map(|id| format!("/hall/votes/{id}")).unwrap_or_else(|| "/hall".into());
    view! {
        <Page back>
            // Only staff: the same people the server lets see the list.
            <Guarded allow=can_invite>
                {match id {
                    Some(id) => view! { <Participants id/> }.into_any(),
                    None => view! { <h1>{tr("hall-participants-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[component]
fn Participants(id: VoteId) -> impl IntoView {
    let session = Session::get();
    let vote: Loaded<Vote> = RwSignal::new(None);
    let pages: Pages<Participant> = Pages::new();
    let load = move |from_start: bool| {
        pages.load(session, from_start, move |client, after| async move {
            let page = client.vote_participants(id, &PageQuery::after(after.as_deref(), None)).await?;
            Ok(ListPage { items: page.participants, next: page.next_after, total: Some(page.total) })
        })
    };
    let start = move || {
        vote.set(None);
        let client = session.client();
        load_into(session, vote, async move { client.vote(id).await });
        load(true);
    };
    start();
    let retry = Callback::new(move |_| start());
    move || match vote.get() {
        None => view! { <h1>{tr("hall-participants-title")}</h1><Loading/> }.into_any(),
        Some(Err(code)) => view! { <h1>{tr("hall-participants-title")}</h1><ErrorBox code retry/> }.into_any(),
        Some(Ok(vote)) => view! { <List vote pages more=Callback::new(move |_| load(false)) retry=Callback::new(move |_| load(false))/> }.into_any(),
    }
}

#[component]
fn List(vote: Vote, pages: Pages<Participant>, more: Callback<()>, retry: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let eligible = vote.tally.eligible;
    let back = format!("/hall/votes/{}", vote.id);
    let secret = vote.secret;
    let vote = StoredValue::new(vote);
    view! {
        <h1 id="participants-question">{vote.with_value(|vote| vote.question.clone())}</h1>
        <p class="summary">{tr("hall-participants-title")}</p>
        {secret.then(|| view! { <p id="participants-secret" class="callout">{tr("hall-participants-secret")}</p> })}
        <p id="participants-count" class="read-summary">
            {move || pages.total.get().map(|count| t_args("hall-participants-count", &[("count", count.into()), ("eligible", eligible.into())]))}
        </p>
        {move || (pages.total.get() == Some(0)).then(|| view! { <p class="empty">{tr("hall-participants-none")}</p> })}
        <ul id="participants" class="history participant-list">
            <For each=move || pages.items.get().into_iter().enumerate() key=|(index, _)| *index let:numbered>
                {
                    let person = numbered.1;
                    let Participant { name, household, cast_at, proxy_name, .. } = person.clone();
                    // In the reader's language, which may change while the list is shown.
                    let chose = move || vote.with_value(|vote| choice_text(vote, &person));
                    view! {
                        <li class="history-item participant">
                            <p class="participant-name">{name}</p>
                            {household.map(|household| view! { <p class="participant-household">{move || household_text(&household)}</p> })}
                            <p class="hint participant-when">{move || t_args("hall-participant-cast-at", &[
                                ("when", format_datetime(locale(), cast_at, session.utc_offset()).into()),
                            ])}</p>
                            {proxy_name.map(|proxy| view! {
                                <p class="participant-proxy">{move || t_args("hall-participant-proxy", &[("name", proxy.clone().into())])}</p>
                            })}
                            {move || chose().map(|choice| view! {
                                <p class="participant-choice">{t_args("hall-participant-chose", &[("choice", choice.into())])}</p>
                            })}
                        </li>
                    }
                }
            </For>
        </ul>
        {move || pages.loading().then(|| view! { <Loading/> })}
        {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
        <MoreButton id="participants-more" label="hall-participants-more" shown=Signal::derive(move || pages.has_more()) more/>
        <p><a class="button" id="participants-back" href=back>{tr("hall-participants-back")}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::hall::{Eligibility, Tally, VoteKind, VotePhase};

    fn vote(kind: VoteKind, options: &[&str]) -> Vote {
        Vote {
            id: VoteId(1),
            question: "?".into(),
            description: String::new(),
            kind,
            options: options.iter().map(|o| o.to_string()).collect(),
            max_choices: 2,
            eligibility: Eligibility::Residents,
            matter: None,
            secret: false,
            final_on_cast: false,
            opens_at: Utc::now(),
            closes_at: Utc::now(),
            phase: VotePhase::Open,
            can_vote: false,
            my_ballot: None,
            tally: Tally { ballots: 0, eligible: 0, counts: vec![], owners: None },
            topic_id: None,
        }
    }

    fn participant(choices: Option<Vec<u32>>) -> Participant {
        Participant { name: "王建国".into(), household: None, cast_at: Utc::now(), proxy_name: None, choices }
    }

    #[test]
    fn choices_are_worded_as_the_vote_words_them_and_a_secret_vote_has_none() {
        let multiple = vote(VoteKind::Multiple, &["东门", "西门", "南门"]);
        assert_eq!(choice_text(&multiple, &participant(Some(vec![0, 2]))).as_deref(), Some("东门、南门"));
        assert_eq!(choice_text(&vote(VoteKind::YesNoAbstain, &[]), &participant(Some(vec![1]))).as_deref(), Some("反对"));
        assert_eq!(choice_text(&multiple, &participant(None)), None);
    }
}
