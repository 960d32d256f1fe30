//! `/wishes/new`: post a wish. What (one line), why (optional), one of four kinds as big
//! choices, the day it is wanted by (a week from today to start with) and a photo. A family
//! member posts for the resident (`?for=`, without a photo: it would be their own upload);
//! staff post for a resident without the app by choosing the household and naming them.
//! Staff approve a resident's wish before it is on the board; the screen says so.

use chrono::{Duration, NaiveDate};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use crate::community::HouseholdPicker;
use linli_api::ids::{HouseholdId, UploadId, UserId};
use linli_api::validate::wishes as check;
use linli_api::wishes::{limits, NewWish, WishCategory};
use linli_api::{ApiError, ErrorCode};

use super::{category_label, community_today, posts_wishes, reviews_wishes};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::i18n::{t, tr};
use crate::layout::{Choice, FieldError, FormAlert, FormError, Guarded, Hint, OnePhoto, Page, RadioChoices, TextArea, TextField};
use crate::session::Session;

#[component]
pub fn NewWishPage() -> impl IntoView {
    let resident = acting_for();
    let allow: fn(linli_api::auth::Role) -> bool = if resident.is_some() { |_| true } else { posts_wishes };
    view! {
        <Page back=keep_for("/wishes", resident) title="wish-new-title">
            <Guarded allow>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                <WishForm resident/>
            </Guarded>
        </Page>
    }
}

const FIELDS: &[&str] = &["what", "why", "category", "wanted_by", "photo", "for_household", "wisher_name", "wisher_phone"];

/// A date typed in a date input (`YYYY-MM-DD`), or the error that says it is not one.
fn parse_date(raw: &str) -> Result<NaiveDate, ApiError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "wanted_by"));
    }
    raw.parse().map_err(|_| ApiError::on_field(ErrorCode::InvalidValue, "wanted_by"))
}

#[component]
fn WishForm(resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let for_someone = resident.is_none() && session.me().is_some_and(|me| reviews_wishes(me.role));
    let today = community_today(session);
    let what = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let category = RwSignal::new(WishCategory::Goods);
    let wanted_by = RwSignal::new((today + Duration::days(7)).to_string());
    let photo = RwSignal::new(None::<UploadId>);
    let uploading = RwSignal::new(0_usize);
    let household = RwSignal::new(String::new());
    let wisher_name = RwSignal::new(String::new());
    let wisher_phone = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || uploading.get_untracked() > 0 {
            return;
        }
        let typed = (|| {
            let wish = NewWish {
                what: what.get_untracked(),
                why: why.get_untracked(),
                category: category.get_untracked(),
                photo: photo.get_untracked(),
                wanted_by: parse_date(&wanted_by.get_untracked())?,
                for_household: household.get_untracked().parse().ok().map(HouseholdId),
                wisher_name: for_someone.then(|| wisher_name.get_untracked()),
                wisher_phone: for_someone.then(|| wisher_phone.get_untracked()),
            };
            check::new_wish(&wish, community_today(session), for_someone)
        })();
        let wish = match typed {
            Ok(wish) => wish,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client_for(resident);
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.post_wish(&wish).await }, move |posted| {
            navigate(&keep_for(&format!("/wishes/{}", posted.summary.id), resident), Default::default());
        });
    };
    let max_date = (today + Duration::days(limits::MAX_WANTED_DAYS)).to_string();
    view! {
        <p class="summary">{tr(if for_someone { "wish-new-intro-staff" } else { "wish-new-intro" })}</p>
        <form id="wish-form" novalidate on:submit=submit>
            <FormAlert form/>
            {for_someone.then(|| view! { <ForSomeone form household wisher_name wisher_phone/> })}
            <TextField form field="what" id="wish-what" label="wish-field-what" value=what autocomplete="off"
                maxlength=limits::WHAT_MAX_CHARS
                hint=Hint { id: "wish-what-hint", text: Signal::derive(|| t("wish-field-what-hint")) }/>
            <TextArea form field="why" id="wish-why" label="wish-field-why" value=why rows=4
                hint=Hint { id: "wish-why-hint", text: Signal::derive(|| t("wish-field-why-hint")) }/>
            <RadioChoices id="wish-category" name="category" legend="wish-field-category" chosen=category
                choices=WishCategory::ALL.into_iter().map(|value| Choice { value, key: value.as_str(), label: category_label(value), hint: None }).collect()/>
            <div class="field">
                <label for="wish-wanted-by">{tr("wish-field-wanted-by")}</label>
                <input id="wish-wanted-by" name="wanted_by" type="date" required min=today.to_string() max=max_date
                    aria-invalid=move || form.invalid("wanted_by")
                    aria-describedby=move || form.described_by("wanted_by", None)
                    bind:value=wanted_by/>
                <FieldError form field="wanted_by"/>
            </div>
            {resident.is_none().then(|| view! {
                <OnePhoto id="wish-photo" subject=what photo uploading/>
                <FieldError form field="photo"/>
            })}
            <button type="submit" class="button primary" id="wish-submit" disabled=move || busy.get() || (uploading.get() > 0)>
                {move || if busy.get() { t("busy") } else { t("wish-submit") }}
            </button>
        </form>
    }
}

/// Staff: the household of the resident without the app, their name and (optional) phone.
#[component]
fn ForSomeone(form: FormError, household: RwSignal<String>, wisher_name: RwSignal<String>, wisher_phone: RwSignal<String>) -> impl IntoView {
    view! {
        <HouseholdPicker id="wish-household" chosen=household form field="for_household" choose="wish-field-household-choose"/>
        <TextField form field="wisher_name" id="wish-wisher-name" label="wish-field-wisher-name" value=wisher_name
            autocomplete="off" maxlength=limits::WISHER_NAME_MAX_CHARS/>
        <div class="field">
            <label for="wish-wisher-phone">{tr("wish-field-wisher-phone")}</label>
            <input id="wish-wisher-phone" name="wisher_phone" type="tel" inputmode="tel" autocomplete="off"
                aria-invalid=move || form.invalid("wisher_phone")
                aria-describedby=move || form.described_by("wisher_phone", None)
                bind:value=wisher_phone/>
            <FieldError form field="wisher_phone"/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_input_gives_a_calendar_date() {
        assert_eq!(parse_date("2026-12-09"), Ok(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()));
        assert_eq!(parse_date(" "), Err(ApiError::on_field(ErrorCode::FieldRequired, "wanted_by")));
        assert_eq!(parse_date("9 Dec"), Err(ApiError::on_field(ErrorCode::InvalidValue, "wanted_by")));
    }
}
