//! Photos of topics and comments (and of problem reports, which take up to six).
//!
//! The server re-encodes every upload (so no EXIF location survives) and serves it only to
//! signed-in members of the community (and to a family member acting for one of them, with
//! `?for=` on the page): the request needs the bearer token, which a plain
//! `<img src>` cannot send. [`AuthImage`] fetches the bytes through the client and shows
//! them from a Blob URL, revoked when the image leaves the page. [`ImagePicker`] reads the
//! files chosen on the device, checks type and size here first (no 10 MB upload only to
//! hear "too large"), uploads them, and shows each as a thumbnail with a remove button.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::ids::UploadId;
use linli_api::topics::MAX_IMAGES;
use linli_api::uploads::{ACCEPTED_TYPES, MAX_UPLOAD_BYTES};
use linli_api::ErrorCode;
use wasm_bindgen_futures::JsFuture;

use crate::family::acting_for;
use crate::i18n::{t, t_args};
use crate::layout::error_text;
use crate::layout::icons::icon;
use crate::session::Session;

/// A camera: add a photo.
pub(crate) const PHOTO: &str = r#"<path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/>"#;

/// What the `accept` attribute of the file input lists.
pub(crate) fn accept() -> String {
    ACCEPTED_TYPES.join(",")
}

/// Whether a chosen file may be uploaded: one of the accepted types, within the size limit.
pub fn check_file(content_type: &str, bytes: f64) -> Result<(), ErrorCode> {
    if !ACCEPTED_TYPES.contains(&content_type) {
        return Err(ErrorCode::NotAnImage);
    }
    if bytes > MAX_UPLOAD_BYTES as f64 {
        return Err(ErrorCode::ImageTooLarge);
    }
    Ok(())
}

/// The error an upload ended with, as the picker tells it: an oversized body is a photo
/// that is too large.
pub(crate) fn upload_error(code: ErrorCode) -> ErrorCode {
    match code {
        ErrorCode::PayloadTooLarge => ErrorCode::ImageTooLarge,
        other => other,
    }
}

/// The Blob URL an image is shown from, and whether its image has left the page (then a
/// late answer must not create one, or it would never be revoked).
#[derive(Default)]
struct ObjectUrl {
    url: Option<String>,
    gone: bool,
}

fn lock(slot: &Mutex<ObjectUrl>) -> std::sync::MutexGuard<'_, ObjectUrl> {
    slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn object_url(bytes: &[u8]) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// An uploaded image, loaded with the reader's token and shown with `alt`.
#[component]
pub fn AuthImage(id: UploadId, #[prop(into)] alt: Signal<String>) -> impl IntoView {
    let session = Session::get();
    let src = RwSignal::new(None::<String>);
    let failed = RwSignal::new(false);
    let slot = Arc::new(Mutex::new(ObjectUrl::default()));
    let mine = slot.clone();
    on_cleanup(move || {
        let mut slot = lock(&mine);
        slot.gone = true;
        if let Some(url) = slot.url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    // On a page used for a resident (`?for=`), a family member is shown what she is shown.
    let client = session.client_for(acting_for());
    spawn_local(async move {
        match client.image(id).await {
            Ok(bytes) => {
                let mut slot = lock(&slot);
                if slot.gone {
                    return;
                }
                match object_url(&bytes) {
                    Some(url) => {
                        slot.url = Some(url.clone());
                        drop(slot);
                        src.try_set(Some(url));
                    }
                    None => {
                        failed.try_set(true);
                    }
                }
            }
            Err(error) => {
                session.on_error(error.code());
                failed.try_set(true);
            }
        }
    });
    move || match (src.get(), failed.get()) {
        (Some(url), _) => view! { <img class="photo" src=url alt=move || alt.get()/> }.into_any(),
        (None, true) => view! { <span class="photo-missing">{move || t("images-unavailable")}</span> }.into_any(),
        (None, false) => view! { <span class="photo-waiting" aria-hidden="true"></span> }.into_any(),
    }
}

/// The photos of a topic or a comment, in order, each with its place as alt text.
#[component]
pub fn Photos(ids: Vec<UploadId>) -> impl IntoView {
    let count = ids.len();
    (count > 0).then(|| {
        view! {
            <ul class="photos">
                {ids.into_iter().enumerate().map(|(index, id)| {
                    let alt = Signal::derive(move || t_args("images-alt", &[("index", (index + 1).into()), ("count", count.into())]));
                    view! { <li><AuthImage id alt/></li> }
                }).collect_view()}
            </ul>
        }
    })
}

/// Why the picker could not take a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Error(ErrorCode),
    /// More files were chosen than there is room for; the first ones were taken.
    TooMany,
}

/// Reads and uploads one chosen file; the error to show if it fails.
pub(crate) async fn upload_file(
    session: Session,
    client: linli_api::Client,
    file: &web_sys::File,
    content_type: &str,
) -> Result<linli_api::uploads::Upload, ErrorCode> {
    match read_bytes(file).await {
        Some(bytes) => client.upload_image(content_type, bytes).await.map_err(|error| {
            session.on_error(error.code());
            upload_error(error.code())
        }),
        None => Err(ErrorCode::NotAnImage),
    }
}

pub(crate) async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// "Add photos": a labelled file input (the label is the big button), the photos uploaded
/// so far as thumbnails with a remove button each, and what went wrong, in words.
/// `uploading` counts the uploads under way, so the form can wait for them.
#[component]
pub fn ImagePicker(
    /// The file input's id; the hint and the messages derive theirs from it.
    id: &'static str,
    images: RwSignal<Vec<UploadId>>,
    uploading: RwSignal<usize>,
    /// How many photos it takes: a topic's four unless told otherwise.
    #[prop(default = MAX_IMAGES)]
    max: usize,
) -> impl IntoView {
    let session = Session::get();
    let problem = RwSignal::new(None::<Problem>);
    let hint_id = format!("{id}-hint");
    let room = move || max.saturating_sub(images.with(Vec::len) + uploading.get());
    let upload = move |file: web_sys::File| {
        let content_type = file.type_();
        if let Err(code) = check_file(&content_type, file.size()) {
            problem.set(Some(Problem::Error(code)));
            return;
        }
        uploading.update(|n| *n += 1);
        let client = session.client();
        spawn_local(async move {
            let outcome = upload_file(session, client, &file, &content_type).await;
            uploading.try_update(|n| *n = n.saturating_sub(1));
            match outcome {
                Ok(upload) => {
                    images.try_update(|list| {
                        if list.len() < max && !list.contains(&upload.id) {
                            list.push(upload.id);
                        }
                    });
                }
                Err(code) => {
                    problem.try_set(Some(Problem::Error(code)));
                }
            }
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen: Vec<web_sys::File> = match input.files() {
            Some(files) => (0..files.length()).filter_map(|index| files.get(index)).collect(),
            None => Vec::new(),
        };
        // The same photo can be chosen again after it was removed.
        input.set_value("");
        problem.set(None);
        let room = room();
        if chosen.len() > room {
            problem.set(Some(Problem::TooMany));
        }
        chosen.into_iter().take(room).for_each(upload);
    };
    let has_room = Memo::new(move |_| room() > 0);
    let status = move || match uploading.get() {
        0 => String::new(),
        count => t_args("images-uploading", &[("count", count.into())]),
    };
    view! {
        <div class="field image-picker">
            {move || has_room.get().then(|| view! {
                <input type="file" id=id class="visually-hidden file-input" accept=accept() multiple
                    aria-describedby=hint_id.clone() on:change=on_change/>
                <label for=id class="button file-button">{icon(PHOTO)}<span>{move || t("images-add")}</span></label>
            })}
            <p id=format!("{id}-hint") class="hint">{move || t_args("images-hint", &[
                ("max", max.into()),
                ("megabytes", (MAX_UPLOAD_BYTES / (1024 * 1024)).into()),
            ])}</p>
            <p class="hint" role="status">{status}</p>
            {move || problem.get().map(|problem| {
                let text = match problem {
                    Problem::Error(code) => error_text(code),
                    Problem::TooMany => t_args("images-too-many", &[("max", max.into())]),
                };
                view! { <p class="field-error" role="alert">{text}</p> }
            })}
            <ul class="thumbs" class:empty-list=move || images.with(Vec::is_empty)>
                <For each=move || images.get() key=|upload| *upload let:upload>
                    <Thumb upload images problem/>
                </For>
            </ul>
        </div>
    }
}

/// One uploaded photo in the picker, with its remove button.
#[component]
fn Thumb(upload: UploadId, images: RwSignal<Vec<UploadId>>, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let place = move || images.with(|list| list.iter().position(|id| *id == upload).unwrap_or(0) + 1);
    let alt = Signal::derive(move || {
        t_args("images-chosen", &[("index", place().into()), ("count", images.with(Vec::len).into())])
    });
    let remove = move |_| {
        images.update(|list| list.retain(|id| *id != upload));
        problem.set(None);
    };
    view! {
        <li class="thumb">
            <AuthImage id=upload alt/>
            <button type="button" class="button" on:click=remove>
                {move || t_args("images-remove", &[("index", place().into())])}
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_accepted_types_within_the_limit_are_uploaded() {
        assert_eq!(check_file("image/jpeg", 3.0 * 1024.0 * 1024.0), Ok(()));
        assert_eq!(check_file("image/webp", MAX_UPLOAD_BYTES as f64), Ok(()));
        assert_eq!(check_file("image/png", MAX_UPLOAD_BYTES as f64 + 1.0), Err(ErrorCode::ImageTooLarge));
        assert_eq!(check_file("image/heic", 1000.0), Err(ErrorCode::NotAnImage));
        assert_eq!(check_file("", 1000.0), Err(ErrorCode::NotAnImage));
    }

    #[test]
    fn an_oversized_upload_is_told_as_a_photo_too_large() {
        assert_eq!(upload_error(ErrorCode::PayloadTooLarge), ErrorCode::ImageTooLarge);
        assert_eq!(upload_error(ErrorCode::NotAnImage), ErrorCode::NotAnImage);
    }
}
