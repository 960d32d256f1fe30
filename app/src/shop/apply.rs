//! `/shop/apply`: a shop applies to sell in a community. It chooses the community (anyone
//! may list them), names the shop and the person who signs in for it, and is signed in at
//! once, as registration does, to wait on `/shop` for the staff's approval.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;
use linli_api::auth::{limits as auth_limits, Role};
use linli_api::community::CommunityEntry;
use linli_api::groceries::{limits, MerchantApplication};
use linli_api::ids::CommunityId;
use linli_api::{validate, ApiError, ErrorCode};

use super::ShopPage;
use crate::i18n::{self, t, t_args, tr};
use crate::layout::{load_into, ConsentCheck, ErrorBox, FieldError, FormAlert, FormError, Hint, Loaded, Loading, TextField};
use crate::session::{sign_in_then, Auth, Session};

const FIELDS: &[&str] = &["community_id", "shop_name", "contact_name", "phone", "password", "accept_privacy_policy"];

/// The community chosen in the list (`""` while none is), or the error that says to choose.
pub fn chosen_community(raw: &str) -> Result<CommunityId, ApiError> {
    raw.trim()
        .parse()
        .ok()
        .filter(|id| *id > 0)
        .map(CommunityId)
        .ok_or(ApiError::on_field(ErrorCode::FieldRequired, "community_id"))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Checking,
    /// Nobody is signed in (or the stored session could not be checked): the form.
    Applicant,
    Shop,
    /// Signed in as a resident, staff, …: a shop needs its own account.
    Other,
}

#[component]
pub fn MerchantApplyPage() -> impl IntoView {
    let session = Session::get();
    let who = Memo::new(move |_| {
        session.auth.with(|auth| match auth {
            Auth::Checking => Who::Checking,
            Auth::SignedOut | Auth::Failed(_) => Who::Applicant,
            Auth::SignedIn(me) if me.role == Role::Merchant => Who::Shop,
            Auth::SignedIn(_) => Who::Other,
        })
    });
    view! {
        <ShopPage id="shop-apply" back="/">
            <h1 tabindex="-1">{tr("shop-apply-title")}</h1>
            {move || match who.get() {
                Who::Checking => view! { <Loading/> }.into_any(),
                Who::Shop => view! { <Redirect path="/shop"/> }.into_any(),
                Who::Other => view! {
                    <p id="shop-apply-signed-in" class="callout">{tr("shop-apply-signed-in")}</p>
                    <p><a class="button" href="/me">{tr("shop-apply-to-me")}</a></p>
                }.into_any(),
                Who::Applicant => view! { <Communities/> }.into_any(),
            }}
        </ShopPage>
    }
}

#[component]
fn Communities() -> impl IntoView {
    let session = Session::get();
    let communities: Loaded<Vec<CommunityEntry>> = RwSignal::new(None);
    let load = move || {
        communities.set(None);
        let client = session.client();
        load_into(session, communities, async move { client.communities().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <p class="summary">{tr("shop-apply-intro")}</p>
        {move || match communities.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{tr("shop-apply-no-communities")}</p> }.into_any(),
            Some(Ok(list)) => view! { <ApplyForm communities=list/> }.into_any(),
        }}
        <p class="aside">{tr("shop-apply-have-account")}" "<a href=sign_in_then("/shop")>{tr("home-sign-in")}</a></p>
    }
}

#[component]
fn ApplyForm(communities: Vec<CommunityEntry>) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    // With one community there is nothing to choose.
    let community = RwSignal::new(match communities.as_slice() {
        [only] => only.id.to_string(),
        _ => String::new(),
    });
    let shop_name = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let accept = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let community_id = match chosen_community(&community.get_untracked()) {
            Ok(id) => id,
            Err(error) => return form.set(Some(error)),
        };
        let application = MerchantApplication {
            community_id,
            shop_name: shop_name.get_untracked(),
            contact_name: contact_name.get_untracked(),
            phone: phone.get_untracked(),
            password: password.get_untracked(),
            accept_privacy_policy: accept.get_untracked(),
            locale: Some(i18n::locale_untracked()),
        };
        let application = match validate::merchant_application(&application) {
            Ok(checked) => checked,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.apply_as_merchant(&application).await }, move |granted| {
            session.begin(granted);
            navigate("/shop", Default::default());
        });
    };

    let field = "community_id";
    let password_hint = Hint {
        id: "apply-password-hint",
        text: Signal::derive(|| t_args("field-password-hint", &[("min", auth_limits::PASSWORD_MIN_CHARS.into())])),
    };
    let contact_hint = Hint { id: "apply-contact-name-hint", text: Signal::derive(|| t("shop-field-contact-name-hint")) };
    view! {
        <form id="merchant-apply" novalidate on:submit=submit>
            <FormAlert form/>
            <div class="field">
                <label for="apply-community">{tr("shop-field-community")}</label>
                <select id="apply-community" name=field required
                    aria-invalid=move || form.invalid(field)
                    aria-describedby=move || form.described_by(field, None)
                    on:change=move |ev| community.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || community.with(String::is_empty)>{tr("shop-field-community-choose")}</option>
                    {communities.into_iter().map(|entry| {
                        let value = entry.id.to_string();
                        let mine = value.clone();
                        view! { <option value=value prop:selected=move || community.with(|c| *c == mine)>{entry.name}</option> }
                    }).collect_view()}
                </select>
                <FieldError form field/>
            </div>
            <TextField form field="shop_name" id="apply-shop-name" label="shop-field-shop-name" value=shop_name
                autocomplete="organization" maxlength=limits::SHOP_NAME_MAX_CHARS/>
            <TextField form field="contact_name" id="apply-contact-name" label="shop-field-contact-name" value=contact_name
                autocomplete="name" maxlength=auth_limits::NAME_MAX_CHARS hint=contact_hint/>
            <TextField form field="phone" id="apply-phone" label="field-phone" value=phone kind="tel" autocomplete="tel"/>
            <TextField form field="password" id="apply-password" label="field-password" value=password
                kind="password" autocomplete="new-password" hint=password_hint/>
            <ConsentCheck form id="apply-accept" accept/>
            <button type="submit" id="apply-submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("shop-apply-submit") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_community_must_be_chosen() {
        assert_eq!(chosen_community("3"), Ok(CommunityId(3)));
        for none in ["", " ", "0", "x"] {
            assert_eq!(chosen_community(none), Err(ApiError::on_field(ErrorCode::FieldRequired, "community_id")), "{none}");
        }
    }
}
