//! "Download CSV" for the register and the printed invite codes: the server's file, fetched
//! with the staff's token and saved through a Blob link (`hall::export::save`). The server's
//! CSV already starts with the byte order mark Excel needs, so none is added.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::client::ClientResult;
use linli_api::ErrorCode;

use crate::hall::export::{csv_file_text, save, BOM};
use crate::i18n::{t, t_args};
use crate::layout::error_text;
use crate::session::Session;

/// The file's text with exactly one byte order mark, whether or not the server sent one.
pub fn csv_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    match text.strip_prefix(BOM) {
        Some(_) => text.into_owned(),
        None => csv_file_text(&text),
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

/// A button that saves what `fetch` brings as `file`, with its status line and its error.
#[component]
pub fn CsvDownload<F, Fut>(
    /// The button's id; its status and error follow from it.
    id: &'static str,
    /// Fluent id of the button's word.
    label: &'static str,
    /// The name the file is saved under.
    file: &'static str,
    fetch: F,
) -> impl IntoView
where
    F: Fn(linli_api::Client) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = ClientResult<Vec<u8>>> + 'static,
{
    let session = Session::get();
    let state = RwSignal::new(Download::Idle);
    let download = move |_| {
        if state.get_untracked() == Download::Busy {
            return;
        }
        state.set(Download::Busy);
        let request = fetch(session.client());
        spawn_local(async move {
            let next = match request.await {
                Ok(bytes) => match save(file, &csv_text(&bytes)) {
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
            {move || t(if state.get() == Download::Busy { "households-download-busy" } else { label })}
        </button>
        <p id=format!("{id}-status") role="status" class="hint">
            {move || (state.get() == Download::Done).then(|| t_args("households-download-done", &[("file", file.into())]))}
        </p>
        {move || {
            let reason = match state.get() {
                Download::Failed(code) => t_args("households-download-failed", &[("reason", error_text(code).into())]),
                Download::DeviceFailed => t("households-download-failed-device"),
                _ => return None,
            };
            Some(view! { <p id=format!("{id}-error") role="alert" class="error">{reason}</p> })
        }}
    }
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
    }
}
