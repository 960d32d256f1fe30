//! What may be done to a case: the resident (or their family) cancels it until the cut-off,
//! asked once more on the page, and rates it once served; staff approve or decline it with a
//! reason while it waits for them. Each answer replaces the case on screen.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::appointments::{Booking, Rating, ReviewBooking};
use linli_api::ids::{BookingId, UserId};
use linli_api::validate::{self, appointments as check};
use linli_api::{ClientError, ErrorCode};

use super::booking::Shown;
use crate::i18n::{t, tr};
use crate::layout::{error_text, FormAlert, FormError, RatingForm, StarsShown, TextArea};
use crate::native;
use crate::session::Session;

/// Sends a step; its answer becomes the case on screen.
fn send_step(session: Session, form: FormError, busy: RwSignal<bool>, shown: Shown, request: impl Future<Output = Result<Booking, ClientError>> + 'static) {
    form.send(session, busy, request, move |booking| shown.replace(booking));
}

/// Cancelling asks once more, in place, before the place is given up. Past the cut-off the
/// page says why it cannot be done here.
#[component]
pub fn Cancel(id: BookingId, shown: Shown, resident: Option<UserId>, waiting_for_desk: bool) -> impl IntoView {
    let session = Session::get();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form = FormError::new(&[]);
    let cancellable = Memo::new(move |_| shown.with(|b| b.cancellable).unwrap_or(false));
    let ask = move |_| {
        asking.set(true);
        request_animation_frame(|| native::focus("#cancel-confirm"));
    };
    let keep = move |_| {
        asking.set(false);
        request_animation_frame(|| native::focus("#cancel-booking"));
    };
    let cancel = move |_| {
        let client = session.client_for(resident);
        send_step(session, form, busy, shown, async move { client.cancel_booking(id).await });
    };
    move || match (cancellable.get(), waiting_for_desk) {
        (true, _) => view! {
            <div class="booking-section" id="cancel-section">
                <FormAlert form/>
                <Show
                    when=move || asking.get()
                    fallback=move || view! { <button type="button" class="button danger" id="cancel-booking" on:click=ask>{tr("cancel-booking")}</button> }
                >
                    <p id="cancel-question">{tr("cancel-question")}</p>
                    <button type="button" class="button danger" id="cancel-confirm" disabled=move || busy.get() on:click=cancel>
                        {move || if busy.get() { t("busy") } else { t("cancel-confirm") }}
                    </button>
                    <button type="button" class="button" id="cancel-keep" on:click=keep>{tr("cancel-keep")}</button>
                </Show>
            </div>
        }
        .into_any(),
        (false, true) => view! { <p class="hint" id="cancel-too-late">{move || error_text(ErrorCode::CancelTooLate)}</p> }.into_any(),
        (false, false) => ().into_any(),
    }
}

/// Staff: approve, or decline with the reason the resident will read.
#[component]
pub fn Review(id: BookingId, shown: Shown) -> impl IntoView {
    let session = Session::get();
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["reason"]);
    let approve = move |_| {
        let client = session.client();
        send_step(session, form, busy, shown, async move { client.review_booking(id, &ReviewBooking { approve: true, reason: None }).await });
    };
    let decline = move |ev: SubmitEvent| {
        ev.prevent_default();
        let review = match validate::reason(Some(&reason.get_untracked()), true) {
            Ok(reason) => ReviewBooking { approve: false, reason },
            Err(error) => {
                request_animation_frame(|| native::focus("#booking-decline-reason"));
                return form.set(Some(error));
            }
        };
        let client = session.client();
        send_step(session, form, busy, shown, async move { client.review_booking(id, &review).await });
    };
    view! {
        <section class="booking-section" id="booking-review" aria-labelledby="booking-review-heading">
            <h2 id="booking-review-heading">{tr("booking-review-heading")}</h2>
            <button type="button" class="button primary" id="booking-approve" disabled=move || busy.get() on:click=approve>
                {tr("booking-approve")}
            </button>
            <form id="booking-decline-form" novalidate on:submit=decline>
                <FormAlert form/>
                <TextArea form field="reason" id="booking-decline-reason" label="booking-decline-reason" value=reason rows=3 required=true/>
                <button type="submit" class="button danger" id="booking-decline" disabled=move || busy.get()>{tr("booking-decline")}</button>
            </form>
        </section>
    }
}

/// Rating once served: one to five stars as five big buttons, and a comment if they like.
#[component]
pub fn Rate(id: BookingId, shown: Shown, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let form = FormError::new(&["stars", "comment"]);
    let send = Callback::new(move |(stars, comment)| {
        let rating = check::rating(&Rating { stars, comment })?;
        let client = session.client_for(resident);
        send_step(session, form, busy, shown, async move { client.rate_booking(id, &rating).await });
        Ok(())
    });
    view! { <RatingForm id="rate-form" class="booking-section" heading="rate-heading" submit="rate-submit" form busy send/> }
}

/// The rating given, for the resident and for staff.
#[component]
pub fn RatingShown(rating: Rating) -> impl IntoView {
    let Rating { stars, comment } = rating;
    view! {
        <section class="booking-section" id="booking-rating" aria-labelledby="booking-rating-heading">
            <h2 id="booking-rating-heading">{tr("rating-heading")}</h2>
            <StarsShown stars/>
            {(!comment.is_empty()).then(|| view! { <p id="rating-comment" class="rating-comment">{comment}</p> })}
        </section>
    }
}
