//! "Download CSV" for staff's files (a vote's result, a picking list, the household register,
//! printed invite codes): the server's file is fetched with the staff's token and saved
//! through a Blob link (`<a download>`), so no token ever goes into a URL.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::client::ClientResult;
use linli_api::ErrorCode;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{t, t_args};
use crate::layout::error_text;
use crate::session::Session;

/// Excel (on Chinese Windows above all) reads a CSV file as UTF-8 only when it starts with
/// a byte order mark; without it the Chinese text is garbled.
pub const BOM: char = '\u{feff}';

/// The file's type as the Blob states it.
const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// Browsers take the file when the link is clicked; the Blob URL is revoked a little later
/// for slower ones.
const REVOKE_AFTER: Duration = Duration::from_secs(5);

/// The file's text with exactly one byte order mark, whether or not the server sent one.
pub fn csv_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    match text.strip_prefix(BOM) {
        Some(_) => text.into_owned(),
        None => format!("{BOM}{text}"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Download {
    Idle,
    Busy,
    Done,
    /// The server said no, or could not be reached.
    Failed(ErrorCode),
    /// The browser could not make or save the file.
    DeviceFailed,
}

/// A button that saves what `fetch` brings as `file`, with its status line (`{id}-status`)
/// and its error (`{id}-error`).
#[component]
pub fn CsvDownload<F, Fut, Bytes>(
    /// The button's id; its status and error follow from it.
    id: &'static str,
    /// Fluent id of the button's word.
    label: &'static str,
    /// The name the file is saved under.
    #[prop(into)]
    file: String,
    fetch: F,
) -> impl IntoView
where
    F: Fn(linli_api::Client) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = ClientResult<Bytes>> + 'static,
    Bytes: AsRef<[u8]> + 'static,
{
    let session = Session::get();
    let state = RwSignal::new(Download::Idle);
    let file = StoredValue::new(file);
    let download = move |_| {
        if state.get_untracked() == Download::Busy {
            return;
        }
        state.set(Download::Busy);
        let request = fetch(session.client());
        spawn_local(async move {
            let next = match request.await {
                Ok(bytes) => match save(&file.get_value(), &csv_text(bytes.as_ref())) {
                    Ok(()) => Download::Done,
                    Err(_) => Download::DeviceFailed,
                },
                Err(error) => {
                    session.on_error(error.code());
                    Download::Failed(error.code())
                }
            };
            state.try_set(next);
        });
    };
    view! {
        <button type="button" class="button" id=id on:click=download aria-busy=move || (state.get() == Download::Busy).then_some("true")>
            {move || t(if state.get() == Download::Busy { "download-busy" } else { label })}
        </button>
        <p id=format!("{id}-status") role="status" class="hint">
            {move || (state.get() == Download::Done).then(|| t_args("download-done", &[("file", file.get_value().into())]))}
        </p>
        {move || {
            let reason = match state.get() {
                Download::Failed(code) => t_args("download-failed", &[("reason", error_text(code).into())]),
                Download::DeviceFailed => t("download-failed-device"),
                _ => return None,
            };
            Some(view! { <p id=format!("{id}-error") role="alert" class="error">{reason}</p> })
        }}
    }
}

/// Saves `text` as the file `name`: a Blob, a temporary `<a download>` clicked, the Blob URL
/// revoked afterwards.
fn save(name: &str, text: &str) -> Result<(), JsValue> {
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
    fn the_servers_byte_order_mark_is_kept_and_never_doubled() {
        let from_server = "\u{feff}楼栋,单元,房号\n".as_bytes();
        assert_eq!(csv_text(from_server), "\u{feff}楼栋,单元,房号\n");
        assert!(csv_text(from_server).as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert!(!csv_text(from_server).as_bytes()[3..].starts_with(&[0xEF, 0xBB, 0xBF]), "one mark only");
        assert_eq!(csv_text("楼栋\n".as_bytes()), "\u{feff}楼栋\n", "added when missing");
        assert_eq!(csv_text("question,是否同意\n".as_bytes()).trim_start_matches(BOM), "question,是否同意\n");
    }
}
