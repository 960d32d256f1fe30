//! One optional photo (a product's, a wish's, a volunteer's proof): the hall's picker
//! (`hall::images`) takes up to four for a topic; this is its single-photo twin built from the
//! same parts (the file check, the upload's error, the image loaded with the reader's token).

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::ids::UploadId;
use linli_api::uploads::MAX_UPLOAD_BYTES;
use linli_api::ErrorCode;

use crate::hall::images::{accept, check_file, upload_file, AuthImage, PHOTO};
use crate::i18n::{t, t_args};
use crate::layout::error_text;
use crate::layout::icons::icon;
use crate::session::Session;

#[component]
pub fn OnePhoto(
    /// The file input's id (a row's ids follow its place in the list).
    #[prop(into)]
    id: Signal<String>,
    /// What the photo shows, as typed (a product's name, a wish), for its alt text.
    #[prop(into)]
    subject: Signal<String>,
    photo: RwSignal<Option<UploadId>>,
    /// Uploads under way in the whole form, so it can wait for them.
    uploading: RwSignal<usize>,
) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ErrorCode>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|files| files.get(0));
        input.set_value("");
        problem.set(None);
        let Some(file) = file else { return };
        let content_type = file.type_();
        if let Err(code) = check_file(&content_type, file.size()) {
            problem.set(Some(code));
            return;
        }
        busy.set(true);
        uploading.update(|n| *n += 1);
        let client = session.client();
        spawn_local(async move {
            let outcome = upload_file(session, client, &file, &content_type).await;
            uploading.try_update(|n| *n = n.saturating_sub(1));
            busy.try_set(false);
            match outcome {
                Ok(upload) => {
                    photo.try_set(Some(upload.id));
                }
                Err(code) => {
                    problem.try_set(Some(code));
                }
            }
        });
    };
    let hint_id = move || format!("{}-hint", id.get());
    let alt = Signal::derive(move || t_args("photo-alt", &[("subject", subject.get().into())]));
    view! {
        <div class="field image-picker one-photo">
            {move || match photo.get() {
                Some(upload) => view! {
                    <div class="thumb">
                        <AuthImage id=upload alt/>
                        <button type="button" class="button" id=move || format!("{}-remove", id.get())
                            on:click=move |_| { photo.set(None); problem.set(None); }>
                            {move || t("photo-remove")}
                        </button>
                    </div>
                }.into_any(),
                None => view! {
                    <input type="file" id=move || id.get() class="visually-hidden file-input" accept=accept()
                        aria-describedby=hint_id on:change=on_change/>
                    <label for=move || id.get() class="button file-button">{icon(PHOTO)}<span>{move || t("photo-add")}</span></label>
                }.into_any(),
            }}
            <p id=hint_id class="hint">{move || t_args("photo-hint", &[("megabytes", (MAX_UPLOAD_BYTES / (1024 * 1024)).into())])}</p>
            <p class="hint" role="status">{move || busy.get().then(|| t("photo-uploading"))}</p>
            {move || problem.get().map(|code| view! { <p class="field-error" role="alert">{error_text(code)}</p> })}
        </div>
    }
}
