//! What staff see at the foot of a vote page: a link to who took part (`participants.rs`)
//! and "Download result (CSV)", which fetches the server's CSV with the staff's token and
//! saves it through a Blob link (`<a download>`), so no token ever goes into a URL.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::ids::VoteId;
use linli_api::ErrorCode;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{t, t_args, tr};
use crate::layout::error_text;
use crate::session::{can_invite, Session};

/// Excel (on Chinese Windows above all) reads a CSV file as UTF-8 only when it starts with
/// a byte order mark; without it the Chinese text is garbled.
pub const BOM: char = '\u{feff}';

/// The file's type as the Blob states it.
pub const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// Browsers take the file when the link is clicked; the Blob URL is revoked a little later
/// for slower ones.
const REVOKE_AFTER: Duration = Duration::from_secs(5);

/// The name the file is saved under.
pub fn csv_file_name(id: VoteId) -> String {
    format!("vote-{id}.csv")
}

/// The text the file holds: the server's CSV behind a byte order mark.
pub fn csv_file_text(csv: &str) -> String {
    format!("{BOM}{csv}")
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Export {
    Idle,
    Busy,
    Done,
    /// The server said no, or could not be reached.
    Failed(ErrorCode),
    /// The browser could not make or save the file.
    DeviceFailed,
}

/// The staff's actions on vote `id`; nothing for anyone else.
#[component]
pub fn StaffTools(id: VoteId) -> impl IntoView {
    let session = Session::get();
    let state = RwSignal::new(Export::Idle);
    let export = move |_| {
        if state.get_untracked() == Export::Busy {
            return;
        }
        state.set(Export::Busy);
        let client = session.client();
        spawn_local(async move {
            let next = match client.export_vote_csv(id).await {
                Ok(csv) => match save(&csv_file_name(id), &csv_file_text(&csv)) {
                    Ok(()) => Export::Done,
                    Err(_) => Export::DeviceFailed,
                },
                Err(error) => {
                    session.on_error(error.code());
                    Export::Failed(error.code())
                }
            };
            state.try_set(next);
        });
    };
    let staff = move || session.me().is_some_and(|me| can_invite(me.role));
    move || {
        staff().then(|| {
            view! {
                <section id="vote-staff" class="staff-tools" aria-labelledby="vote-staff-heading">
                    <h2 id="vote-staff-heading">{tr("hall-staff-tools")}</h2>
                    <a class="button" id="participants-link" href=format!("/hall/votes/{id}/participants")>
                        {tr("hall-participants-link")}
                    </a>
                    <button type="button" class="button" id="export-csv" on:click=export
                        aria-busy=move || (state.get() == Export::Busy).then_some("true")>
                        {move || t(if state.get() == Export::Busy { "hall-export-busy" } else { "hall-export-csv" })}
                    </button>
                    <p id="export-status" role="status" class="hint">{move || (state.get() == Export::Done)
                        .then(|| t_args("hall-export-done", &[("file", csv_file_name(id).into())]))}</p>
                    {move || {
                        let reason = match state.get() {
                            Export::Failed(code) => t_args("hall-export-failed", &[("reason", error_text(code).into())]),
                            Export::DeviceFailed => t("hall-export-failed-device"),
                            _ => return None,
                        };
                        Some(view! { <p id="export-error" role="alert" class="error">{reason}</p> })
                    }}
                </section>
            }
        })
    }
}

/// Saves `text` as the file `name`: a Blob, a temporary `<a download>` clicked, the Blob URL
/// revoked afterwards.
pub(crate) fn save(name: &str, text: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(CSV_TYPE);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let clicked = click_link(&url, name);
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), REVOKE_AFTER);
    clicked
}

fn click_link(url: &str, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|window| window.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    let link: web_sys::HtmlElement = document.create_element("a")?.dyn_into()?;
    link.set_attribute("href", url)?;
    link.set_attribute("download", name)?;
    link.set_hidden(true);
    // In the document, so that its click reaches the page like any other.
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_starts_with_a_byte_order_mark_and_is_named_after_the_vote() {
        let text = csv_file_text("question,是否同意\n");
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
        assert_eq!(text.trim_start_matches(BOM), "question,是否同意\n");
        assert_eq!(csv_file_name(VoteId(42)), "vote-42.csv");
    }
}
