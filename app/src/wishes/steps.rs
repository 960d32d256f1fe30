//! What the reader may do to a wish now, as the server lists it: staff approve or decline
//! it; a neighbour takes it on (naming their organisation if they like); the volunteer gives
//! it back or says it is done (with a note, the time given and a photo); the wisher (or
//! their family, or staff) confirms and may thank; the wisher takes it back, or staff take
//! it down with a reason. Each answer replaces the wish on screen.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::ids::{UploadId, UserId, WishId};
use linli_api::validate::{self, wishes as check};
use linli_api::wishes::{limits, ClaimWish, ConfirmWish, FulfilWish, ReviewWish, Wish, WishAction, WishRules, WithdrawWish};
use linli_api::ClientError;

use super::detail::minutes_text;
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, FieldError, FormAlert, FormError, Loaded, OnePhoto, TextArea};
use crate::native;
use crate::session::Session;

/// Choices of time given, in minutes (none: not said).
const DURATIONS: [u32; 8] = [30, 60, 90, 120, 180, 240, 360, 480];

#[component]
pub fn Steps(wish: Wish, current: Loaded<Wish>, resident: Option<UserId>) -> impl IntoView {
    let may = |action| wish.actions.contains(&action);
    let id = wish.summary.id;
    let subject = wish.summary.what.clone();
    let taking_down = !wish.is_mine;
    view! {
        <div class="wish-steps">
            {may(WishAction::Approve).then(|| view! { <Review id current resident/> })}
            {may(WishAction::Claim).then(|| view! { <Claim id current resident/> })}
            {may(WishAction::Fulfil).then(|| view! { <Fulfil id current resident subject=subject.clone()/> })}
            {may(WishAction::Release).then(|| view! { <Release id current resident/> })}
            {may(WishAction::Confirm).then(|| view! { <Confirm id current resident/> })}
            {may(WishAction::Withdraw).then(|| view! { <Withdraw id current resident taking_down/> })}
        </div>
    }
}

/// Sends a step; its answer becomes the wish on screen, and the focus goes to its heading.
fn send_step(
    session: Session,
    form: FormError,
    busy: RwSignal<bool>,
    current: Loaded<Wish>,
    request: impl Future<Output = Result<Wish, ClientError>> + 'static,
) {
    form.send(session, busy, request, move |wish| {
        current.set(Some(Ok(wish)));
        request_animation_frame(|| native::focus("article#wish h1"));
    });
}

#[component]
fn Review(id: WishId, current: Loaded<Wish>, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["reason"]);
    let approve = move |_| {
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.review_wish(id, &ReviewWish { approve: true, reason: None }).await });
    };
    let decline = move |ev: SubmitEvent| {
        ev.prevent_default();
        let review = ReviewWish { approve: false, reason: Some(reason.get_untracked()) };
        if let Err(error) = validate::reason(review.reason.as_deref(), true) {
            return form.set(Some(error));
        }
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.review_wish(id, &review).await });
    };
    view! {
        <section id="wish-review" class="wish-section" aria-labelledby="wish-review-heading">
            <h2 id="wish-review-heading">{tr("wish-review-heading")}</h2>
            <button type="button" class="button primary" id="wish-approve" disabled=move || busy.get() on:click=approve>
                {tr("wish-approve")}
            </button>
            <form id="wish-decline-form" novalidate on:submit=decline>
                <FormAlert form/>
                <TextArea form field="reason" id="wish-decline-reason" label="wish-decline-reason" value=reason rows=3 required=true/>
                <button type="submit" class="button danger" id="wish-decline" disabled=move || busy.get()>{tr("wish-decline")}</button>
            </form>
        </section>
    }
}

#[component]
fn Claim(id: WishId, current: Loaded<Wish>, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let rules: Loaded<WishRules> = RwSignal::new(None);
    let rules_client = session.client_for(resident);
    load_into(session, rules, async move { rules_client.wish_rules().await });
    let organisation = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["organisation"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let claim = match check::claim(&ClaimWish { organisation: Some(organisation.get_untracked()) }) {
            Ok(claim) => claim,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.claim_wish(id, &claim).await });
    };
    let days = move || rules.get().and_then(Result::ok).map(|rules| t_args("wish-claim-days", &[("days", rules.claim_days.into())]));
    view! {
        <form id="wish-claim-form" class="wish-section" novalidate on:submit=submit>
            <h2>{tr("wish-claim-title")}</h2>
            <p class="hint" id="wish-claim-days">{days}</p>
            <FormAlert form/>
            <div class="field">
                <label for="wish-organisation">{tr("wish-field-organisation")}</label>
                <input id="wish-organisation" name="organisation" type="text" autocomplete="organization"
                    maxlength=limits::ORGANISATION_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid("organisation")
                    aria-describedby=move || form.described_by("organisation", Some("wish-organisation-hint"))
                    bind:value=organisation/>
                <p id="wish-organisation-hint" class="hint">{tr("wish-field-organisation-hint")}</p>
                <FieldError form field="organisation"/>
            </div>
            <button type="submit" class="button primary" id="wish-claim" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("wish-claim") }}
            </button>
        </form>
    }
}

#[component]
fn Release(id: WishId, current: Loaded<Wish>, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let form = FormError::new(&[]);
    let release = move |_| {
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.release_wish(id).await });
    };
    view! {
        <div class="wish-section">
            <FormAlert form/>
            <button type="button" class="button" id="wish-release" disabled=move || busy.get() on:click=release>{tr("wish-release")}</button>
        </div>
    }
}

#[component]
fn Fulfil(id: WishId, current: Loaded<Wish>, resident: Option<UserId>, subject: String) -> impl IntoView {
    let session = Session::get();
    let note = RwSignal::new(String::new());
    let minutes = RwSignal::new(String::new());
    let photo = RwSignal::new(None::<UploadId>);
    let uploading = RwSignal::new(0_usize);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["note", "minutes", "photo"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if uploading.get_untracked() > 0 {
            return;
        }
        let typed = FulfilWish { note: note.get_untracked(), photo: photo.get_untracked(), minutes: minutes.get_untracked().parse().ok() };
        let fulfilment = match check::fulfilment(&typed) {
            Ok(fulfilment) => fulfilment,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.fulfil_wish(id, &fulfilment).await });
    };
    view! {
        <form id="wish-fulfil-form" class="wish-section" novalidate on:submit=submit>
            <h2>{tr("wish-fulfil-title")}</h2>
            <FormAlert form/>
            <TextArea form field="note" id="wish-note" label="wish-field-note" value=note rows=3 required=true/>
            <div class="field">
                <label for="wish-minutes">{tr("wish-field-minutes")}</label>
                <select id="wish-minutes" name="minutes" on:change=move |ev| minutes.set(event_target_value(&ev))>
                    <option value="">{tr("wish-field-minutes-none")}</option>
                    {DURATIONS.into_iter().map(|m| view! { <option value=m.to_string()>{move || minutes_text(m)}</option> }).collect_view()}
                </select>
                <FieldError form field="minutes"/>
            </div>
            <OnePhoto id="wish-fulfil-photo" subject=Signal::stored(subject) photo uploading/>
            <FieldError form field="photo"/>
            <button type="submit" class="button primary" id="wish-fulfil" disabled=move || busy.get() || (uploading.get() > 0)>
                {move || if busy.get() { t("busy") } else { t("wish-fulfil") }}
            </button>
        </form>
    }
}

#[component]
fn Confirm(id: WishId, current: Loaded<Wish>, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let thanks = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["thanks"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let confirmation = match check::confirmation(&ConfirmWish { thanks: Some(thanks.get_untracked()) }) {
            Ok(confirmation) => confirmation,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.confirm_wish(id, &confirmation).await });
    };
    view! {
        <form id="wish-confirm-form" class="wish-section" novalidate on:submit=submit>
            <h2>{tr("wish-confirm-title")}</h2>
            <p>{tr("wish-confirm-text")}</p>
            <FormAlert form/>
            <TextArea form field="thanks" id="wish-thanks-text" label="wish-field-thanks" value=thanks rows=3/>
            <button type="submit" class="button primary" id="wish-confirm" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("wish-confirm") }}
            </button>
        </form>
    }
}

/// Taking a wish back asks once more (and, for staff taking it down, the reason) before it goes.
#[component]
fn Withdraw(id: WishId, current: Loaded<Wish>, resident: Option<UserId>, taking_down: bool) -> impl IntoView {
    let session = Session::get();
    let asking = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["reason"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let withdrawal = match validate::reason(Some(&reason.get_untracked()), taking_down) {
            Ok(reason) => WithdrawWish { reason },
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client_for(resident);
        send_step(session, form, busy, current, async move { client.withdraw_wish(id, &withdrawal).await });
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <div class="wish-section">
                    <button type="button" class="button danger" id="wish-withdraw-start" on:click=move |_| {
                        asking.set(true);
                        request_animation_frame(|| native::focus("#wish-withdraw-reason"));
                    }>
                        {tr(if taking_down { "wish-take-down" } else { "wish-withdraw" })}
                    </button>
                </div>
            }
        >
            <form id="wish-withdraw-form" class="wish-section" novalidate on:submit=submit>
                <FormAlert form/>
                <TextArea form field="reason" id="wish-withdraw-reason" label="wish-withdraw-reason" value=reason rows=3 required=taking_down/>
                <button type="submit" class="button danger" id="wish-withdraw" disabled=move || busy.get()>
                    {tr(if taking_down { "wish-take-down" } else { "wish-withdraw" })}
                </button>
                <button type="button" class="button" id="wish-withdraw-cancel" on:click=move |_| asking.set(false)>{tr("wish-keep")}</button>
            </form>
        </Show>
    }
}
