//! `/wishes/review`: staff's queue of wishes waiting for approval (each with the wisher's
//! contact, opened to approve or decline), the way to post for a resident without the app,
//! and how long a volunteer has to fulfil a wish they took on.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::validate::wishes as check;
use linli_api::wishes::{limits, Wish, WishRules};
use linli_api::{ApiError, ErrorCode};

use super::{reviews_wishes, WishCard};
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, FieldError, FormAlert, FormError, Guarded, Loaded, Loading, Page};
use crate::session::Session;

#[component]
pub fn WishReviewPage() -> impl IntoView {
    view! {
        <Page back="/wishes" title="wish-review-title">
            <Guarded allow=reviews_wishes>
                <a class="button" id="wish-post-for" href="/wishes/new">{tr("wish-post-for")}</a>
                <Queue/>
                <Rules/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let session = Session::get();
    let queue: Loaded<Vec<Wish>> = RwSignal::new(None);
    let load = move || {
        let client = session.client();
        load_into(session, queue, async move { client.wishes_to_review().await });
    };
    load();
    session.live.reload_on_any(session.live.wish_changed, load);
    view! {
        <section aria-labelledby="wish-queue-heading">
            <h2 id="wish-queue-heading">{tr("wish-queue-heading")}</h2>
            {move || match queue.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="wish-queue-none">{tr("wish-queue-none")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul id="wish-queue" class="wish-list">
                        {list.into_iter().map(|wish| {
                            let note = wish.contact.map(|contact| t_args("wish-queue-from", &[("name", contact.name.into())]));
                            view! { <WishCard wish=wish.summary note/> }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// Days typed in the field, or the error that says they are not a whole number.
fn whole_days(raw: &str) -> Result<u32, ApiError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "claim_days"));
    }
    raw.parse().map_err(|_| ApiError::on_field(ErrorCode::InvalidValue, "claim_days"))
}

#[component]
fn Rules() -> impl IntoView {
    let session = Session::get();
    let days = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let form = FormError::new(&["claim_days"]);
    let current: Loaded<WishRules> = RwSignal::new(None);
    let client = session.client();
    load_into(session, current, async move { client.wish_rules().await });
    Effect::new(move |_| {
        if let Some(Ok(rules)) = current.get() {
            days.set(rules.claim_days.to_string());
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let rules = match whole_days(&days.get_untracked()).and_then(|claim_days| check::rules(&WishRules { claim_days })) {
            Ok(rules) => rules,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        form.send(session, busy, async move { client.set_wish_rules(&rules).await }, move |_| {
            busy.set(false);
            saved.set(true);
        });
    };
    view! {
        <section id="wish-rules" aria-labelledby="wish-rules-heading">
            <h2 id="wish-rules-heading">{tr("wish-rules-heading")}</h2>
            <form id="wish-rules-form" novalidate on:submit=submit>
                <FormAlert form/>
                <div class="field">
                    <label for="wish-claim-days-input">{tr("wish-rules-claim-days")}</label>
                    <input id="wish-claim-days-input" name="claim_days" type="text" inputmode="numeric" autocomplete="off" required
                        aria-invalid=move || form.invalid("claim_days")
                        aria-describedby=move || form.described_by("claim_days", Some("wish-claim-days-hint"))
                        bind:value=days/>
                    <p id="wish-claim-days-hint" class="hint">
                        {move || t_args("wish-rules-claim-days-hint", &[("min", limits::MIN_CLAIM_DAYS.into()), ("max", limits::MAX_CLAIM_DAYS.into())])}
                    </p>
                    <FieldError form field="claim_days"/>
                </div>
                <p class="done" role="status">{move || saved.get().then(|| t("wish-rules-saved"))}</p>
                <button type="submit" class="button" id="wish-rules-submit" disabled=move || busy.get()>{tr("wish-rules-submit")}</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_days_are_typed_as_whole_numbers() {
        assert_eq!(whole_days(" 7 "), Ok(7));
        assert_eq!(whole_days(""), Err(ApiError::on_field(ErrorCode::FieldRequired, "claim_days")));
        assert_eq!(whole_days("一周"), Err(ApiError::on_field(ErrorCode::InvalidValue, "claim_days")));
    }
}
