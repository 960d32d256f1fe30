//! Ratings of one to five stars: chosen with five big buttons (and a comment if they like),
//! shown as marks with words beside them (the marks for the eye, the words for the ear).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::ApiError;

use super::{field_error_id, FieldError, FormAlert, FormError, SubmitButton, TextArea};
use crate::i18n::{t_args, tr};
use crate::native;

const STARS: [u8; 5] = [1, 2, 3, 4, 5];

/// `★★★☆☆`: what the eye sees of a rating.
pub fn star_marks(stars: u8) -> String {
    STARS.iter().map(|n| if *n <= stars { '★' } else { '☆' }).collect()
}

/// One to five stars as five big buttons (`#rate-1` … `#rate-5`), the choice said in words;
/// errors about the form's `stars` field show here.
#[component]
fn StarChoice(form: FormError, stars: RwSignal<u8>) -> impl IntoView {
    view! {
        <fieldset class="choices" id="rate-stars" aria-describedby=move || form.on("stars").map(|_| field_error_id("stars"))>
            <legend>{tr("rate-legend")}</legend>
            <div class="star-row">
                {STARS.into_iter().map(|n| view! {
                    <button type="button" class="button star" id=format!("rate-{n}")
                        aria-pressed=move || if stars.get() == n { "true" } else { "false" }
                        on:click=move |_| stars.set(n)>
                        <span aria-hidden="true">"★"{n}</span>
                        <span class="visually-hidden">{move || t_args("rate-stars", &[("stars", n.into())])}</span>
                    </button>
                }).collect_view()}
            </div>
            <p class="hint" id="rate-chosen" role="status">
                {move || (stars.get() > 0).then(|| t_args("rate-chosen", &[("stars", stars.get().into())]))}
            </p>
            <FieldError form field="stars"/>
        </fieldset>
    }
}

/// A rating form: the stars, a comment and the button that sends them; its parts' ids are
/// `rate-…` (one rating form on a page). `send` checks the stars and comment and, when they
/// will do, sends them with the form's `busy`; a check's error shows in the form, and the
/// focus goes back to the stars.
#[component]
pub fn RatingForm(
    id: &'static str,
    class: &'static str,
    /// Fluent ids of the heading, of an optional sentence under it, and of the button's word.
    heading: &'static str,
    #[prop(optional)] text: Option<&'static str>,
    submit: &'static str,
    form: FormError,
    busy: RwSignal<bool>,
    send: Callback<(u8, String), Result<(), ApiError>>,
) -> impl IntoView {
    let stars = RwSignal::new(0_u8);
    let comment = RwSignal::new(String::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Err(error) = send.run((stars.get_untracked(), comment.get_untracked())) {
            request_animation_frame(|| native::focus("#rate-1"));
            form.set(Some(error));
        }
    };
    view! {
        <form id=id class=class novalidate on:submit=on_submit>
            <h2 id="rate-heading">{tr(heading)}</h2>
            {text.map(|text| view! { <p>{tr(text)}</p> })}
            <FormAlert form/>
            <StarChoice form stars/>
            <TextArea form field="comment" id="rate-comment" label="rate-comment" value=comment rows=3/>
            <SubmitButton id="rate-submit" label=submit busy/>
        </form>
    }
}

/// A rating given: its marks and, in words, how many stars.
#[component]
pub fn StarsShown(stars: u8) -> impl IntoView {
    view! {
        <p class="rating-stars" id="rating-stars">
            <span class="star-marks" aria-hidden="true">{star_marks(stars)}</span>" "
            <span>{move || t_args("rate-stars", &[("stars", stars.into())])}</span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_shows_as_many_full_stars_as_given() {
        assert_eq!(star_marks(3), "★★★☆☆");
        assert_eq!(star_marks(5), "★★★★★");
    }
}
