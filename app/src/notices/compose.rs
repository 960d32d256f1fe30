//! `/notices/new`: staff and property publish a notice (Markdown body).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::notices::{limits, NewNotice, NoticeCategory};
use linli_api::{validate, ApiError};

use super::category_id;
use crate::i18n::{t, tr};
use crate::layout::{FieldError, FormAlert, FormError, Guarded, Page};
use crate::session::{can_publish, Session};

const FIELDS: &[&str] = &["title", "body_markdown", "category", "pinned", "urgent"];

/// What the form can tell before asking the server (the server's own checks, from
/// `linli_api::validate`).
pub fn validate_notice(notice: &NewNotice) -> Option<ApiError> {
    validate::new_notice(notice).err()
}

#[component]
pub fn Compose() -> impl IntoView {
    view! {
        <Page back="/notices" title="compose-title">
            <Guarded allow=can_publish>
                <ComposeForm/>
            </Guarded>
        </Page>
    }
}

#[component]
fn ComposeForm() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let category = RwSignal::new(NoticeCategory::Government);
    let pinned = RwSignal::new(false);
    let urgent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let notice = NewNotice {
            title: title.get_untracked().trim().to_owned(),
            body_markdown: body.get_untracked(),
            category: category.get_untracked(),
            pinned: pinned.get_untracked(),
            urgent: urgent.get_untracked(),
        };
        if let Some(error) = validate_notice(&notice) {
            form.set(Some(error));
            return;
        }
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.publish_notice(&notice).await }, move |summary| {
            let id = summary.id;
            session.notices.published(summary);
            navigate(&format!("/notices/{id}"), Default::default());
        });
    };

    view! {
        <form id="compose-notice" novalidate on:submit=submit>
            <FormAlert form/>
            <div class="field">
                <label for="compose-title">{tr("field-title")}</label>
                <input id="compose-title" name="title" type="text" required
                    maxlength=limits::TITLE_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid("title")
                    aria-describedby=move || form.described_by("title", None)
                    bind:value=title/>
                <FieldError form field="title"/>
            </div>
            <div class="field">
                <label for="compose-body">{tr("field-body")}</label>
                <textarea id="compose-body" name="body_markdown" rows="8" required
                    aria-invalid=move || form.invalid("body_markdown")
                    aria-describedby=move || form.described_by("body_markdown", Some("compose-body-hint"))
                    bind:value=body></textarea>
                <p id="compose-body-hint" class="hint">{tr("field-body-hint")}</p>
                <FieldError form field="body_markdown"/>
            </div>
            <div class="field">
                <label for="compose-category">{tr("field-category")}</label>
                <select id="compose-category" name="category"
                    on:change=move |ev| {
                        if let Some(value) = NoticeCategory::parse(&event_target_value(&ev)) {
                            category.set(value);
                        }
                    }>
                    {NoticeCategory::ALL.into_iter().map(|value| view! {
                        <option value=value.as_str() prop:selected=move || category.get() == value>
                            {move || t(category_id(value))}
                        </option>
                    }).collect_view()}
                </select>
                <FieldError form field="category"/>
            </div>
            <div class="check">
                <input id="compose-pinned" name="pinned" type="checkbox" bind:checked=pinned/>
                <label for="compose-pinned">{tr("field-pinned")}</label>
            </div>
            <div class="check">
                <input id="compose-urgent" name="urgent" type="checkbox" aria-describedby="compose-urgent-hint" bind:checked=urgent/>
                <label for="compose-urgent">{tr("field-urgent")}</label>
            </div>
            <p id="compose-urgent-hint" class="hint">{tr("field-urgent-hint")}</p>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("compose-submit") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::ErrorCode;

    fn notice(title: &str, body: &str) -> NewNotice {
        NewNotice {
            title: title.into(),
            body_markdown: body.into(),
            category: NoticeCategory::Activity,
            pinned: false,
            urgent: false,
        }
    }

    #[test]
    fn a_notice_needs_a_title_and_a_body() {
        assert_eq!(validate_notice(&notice(" ", "x")).unwrap().field.as_deref(), Some("title"));
        assert_eq!(validate_notice(&notice("x", "")).unwrap().field.as_deref(), Some("body_markdown"));
        assert_eq!(validate_notice(&notice("停水通知", "明天停水。")), None);
    }

    #[test]
    fn an_overlong_title_is_refused_before_sending() {
        let long = "字".repeat(limits::TITLE_MAX_CHARS + 1);
        assert_eq!(validate_notice(&notice(&long, "x")).unwrap().code, ErrorCode::FieldTooLong);
    }
}
