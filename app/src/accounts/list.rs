//! `/accounts` (staff, administrator): the community's staff, property, merchant and
//! administrator accounts, a page at a time; per account, disable (after saying that its
//! sessions end at once) or enable it, and a reset code for a forgotten password. A form
//! opens an account for a colleague, the property company or a shop, and shows the setup
//! code with which they choose their own password.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::admin::{AccountEntry, NewAccountRequest, OneTimeCode};
use linli_api::auth::Role;
use linli_api::ids::UserId;
use linli_api::validate::admin as check;
use linli_api::ErrorCode;

use super::{CodeKind, HeadingLevel, IssuedCode, NameAndPhone};
use crate::i18n::{t, t_args, tr};
use crate::layout::{Choice, ErrorBox, FormAlert, FormError, Guarded, ListPage, Loading, MoreButton, Page, PageState, Pages, RadioChoices, SubmitButton};
use crate::me::role_id;
use crate::native;
use crate::session::{can_invite, Auth, Session};

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! {
        <Page back="/" title="accounts-title">
            <Guarded allow=can_invite>
                <Accounts/>
            </Guarded>
        </Page>
    }
}

/// Who is signed in, read once (the page is behind the gate, so someone is).
fn signed_in(session: Session) -> Option<(UserId, Role)> {
    session.auth.with_untracked(|auth| match auth {
        Auth::SignedIn(me) => Some((me.id, me.role)),
        _ => None,
    })
}

/// Whether the caller may act on `account`: never on their own, and on an administrator's
/// only as an administrator (the server's rule).
pub fn manageable(account: &AccountEntry, caller: UserId, caller_role: Role) -> bool {
    account.id != caller && (account.role != Role::Admin || caller_role == Role::Admin) && account.role != Role::Family
}

#[component]
fn Accounts() -> impl IntoView {
    let session = Session::get();
    let pages: Pages<AccountEntry> = Pages::new();
    let load = move |from_start: bool| {
        pages.load(session, from_start, |client, after| async move {
            let page = client.accounts(after.as_deref()).await?;
            Ok(ListPage { items: page.accounts, next: page.next, total: None })
        })
    };
    load(true);
    let more = Callback::new(move |_| load(false));
    let opening = RwSignal::new(false);
    // A new account goes at the end of the list, once the list has no more pages to load.
    let opened = Callback::new(move |entry: AccountEntry| {
        if pages.next.get_untracked().is_none() && pages.state.get_untracked() == PageState::Loaded {
            pages.items.update(|list| list.push(entry));
        }
    });
    let (caller, caller_role) = signed_in(session).unwrap_or((UserId(0), Role::Staff));
    view! {
        <p class="summary">{tr("accounts-intro")}</p>
        <div class="form-actions">
            <button type="button" class="button" id="accounts-open-toggle"
                aria-controls=move || opening.get().then_some("open-account")
                aria-expanded=move || if opening.get() { "true" } else { "false" }
                on:click=move |_| opening.update(|open| *open = !*open)>
                {move || if opening.get() { t("accounts-open-close") } else { t("accounts-open-toggle") }}
            </button>
        </div>
        <Show when=move || opening.get()>
            <OpenAccount opened/>
        </Show>
        <section id="accounts" aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">{tr("accounts-list-heading")}</h2>
            <ul id="accounts-list" class="staff-cards">
                <For each=move || pages.items.get() key=|entry| entry.id let:entry>
                    <AccountItem entry caller caller_role/>
                </For>
            </ul>
            {move || pages.is_empty().then(|| view! {
                <p class="empty" id="accounts-none">{tr("accounts-none")}</p>
            })}
            {move || pages.loading().then(|| view! { <Loading/> })}
            {move || pages.failed().map(|code| view! { <ErrorBox code retry=more/> })}
            <MoreButton id="more-accounts" label="accounts-more" shown=Signal::derive(move || pages.has_more()) more/>
        </section>
    }
}

/// One account: who, in which role, whether it is disabled, and what the caller may do.
#[component]
fn AccountItem(entry: AccountEntry, caller: UserId, caller_role: Role) -> impl IntoView {
    let session = Session::get();
    let id = entry.id;
    let may_manage = manageable(&entry, caller, caller_role);
    let yourself = entry.id == caller;
    let current = RwSignal::new(entry);
    let disabled = Memo::new(move |_| current.with(|entry| entry.disabled));
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorCode>);
    let status = RwSignal::new(None::<&'static str>);
    let code = RwSignal::new(None::<OneTimeCode>);
    let name = move || current.with(|entry| entry.name.clone());

    let set_disabled = move |disable: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        status.set(None);
        let client = session.client();
        spawn_local(async move {
            let answer = if disable { client.disable_account(id).await } else { client.enable_account(id).await };
            match answer {
                Ok(updated) => {
                    current.try_set(updated);
                    confirming.try_set(false);
                    code.try_set(None);
                    status.try_set(Some(if disable { "accounts-disabled-done" } else { "accounts-enabled-done" }));
                    native::focus_soon(&format!("#account-{id}-name"));
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(failure.code()));
                }
            }
            busy.try_set(false);
        });
    };
    let reset = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        status.set(None);
        let client = session.client();
        spawn_local(async move {
            match client.reset_code(id).await {
                Ok(issued) => {
                    code.try_set(Some(issued));
                    native::focus_soon(&format!("#account-{id}-code-heading"));
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(failure.code()));
                }
            }
            busy.try_set(false);
        });
    };

    let actions = move || {
        if !may_manage {
            return ().into_any();
        }
        if confirming.get() {
            return view! {
                <div class="inline-form" id=format!("account-{id}-confirm")>
                    <p id=format!("account-{id}-confirm-text")>{move || t_args("accounts-disable-confirm-text", &[("name", name().into())])}</p>
                    <div class="form-actions">
                        <button type="button" class="button danger" id=format!("account-{id}-disable-confirm")
                            aria-describedby=format!("account-{id}-confirm-text")
                            disabled=move || busy.get() on:click=move |_| set_disabled(true)>
                            {move || if busy.get() { t("busy") } else { t("accounts-disable-confirm") }}
                        </button>
                        <button type="button" class="button" id=format!("account-{id}-disable-cancel") on:click=move |_| {
                            confirming.set(false);
                            native::focus_soon(&format!("#account-{id}-disable"));
                        }>{tr("accounts-cancel")}</button>
                    </div>
                </div>
            }
            .into_any();
        }
        if disabled.get() {
            return view! {
                <div class="comment-actions">
                    <button type="button" class="button primary" id=format!("account-{id}-enable") disabled=move || busy.get()
                        on:click=move |_| set_disabled(false)>
                        {move || if busy.get() { t("busy") } else { t("accounts-enable") }}
                    </button>
                </div>
            }
            .into_any();
        }
        view! {
            <div class="comment-actions">
                <button type="button" class="button" id=format!("account-{id}-reset") disabled=move || busy.get() on:click=reset>
                    {tr("accounts-reset")}
                </button>
                <button type="button" class="button danger" id=format!("account-{id}-disable") disabled=move || busy.get()
                    on:click=move |_| {
                        status.set(None);
                        confirming.set(true);
                        native::focus_soon(&format!("#account-{id}-disable-confirm"));
                    }>
                    {tr("accounts-disable")}
                </button>
            </div>
        }
        .into_any()
    };

    view! {
        <li class="staff-card account-card" id=format!("account-{id}") data-disabled=move || if disabled.get() { "true" } else { "false" }>
            <h3 class="staff-card-title" id=format!("account-{id}-name") tabindex="-1">{name}</h3>
            <p class="staff-card-meta">
                <span class="tag" id=format!("account-{id}-role")>{move || t(role_id(current.with(|entry| entry.role)))}</span>
                <span id=format!("account-{id}-phone")>{move || current.with(|entry| entry.phone_masked.clone())}</span>
                {move || disabled.get().then(|| view! {
                    <span class="tag urgent" id=format!("account-{id}-disabled")>{tr("accounts-disabled")}</span>
                })}
            </p>
            {yourself.then(|| view! { <p class="hint">{tr("accounts-yourself")}</p> })}
            {(!may_manage && !yourself).then(|| view! { <p class="hint">{tr("accounts-admin-only")}</p> })}
            {actions}
            <p class="done" role="status" id=format!("account-{id}-status")>
                {move || status.get().map(|message| t_args(message, &[("name", name().into())]))}
            </p>
            {move || error.get().map(|code| view! { <ErrorBox code/> })}
            {move || code.get().map(|issued| view! {
                <IssuedCode id=format!("account-{id}-code") issued kind=CodeKind::Reset level=HeadingLevel::H3/>
            })}
        </li>
    }
}

/// The roles staff open accounts for, as big choices with what each may do.
fn role_choices() -> Vec<Choice<Role>> {
    vec![
        Choice { value: Role::Staff, key: "staff", label: "role-staff", hint: Some("accounts-role-staff-hint") },
        Choice { value: Role::Property, key: "property", label: "role-property", hint: Some("accounts-role-property-hint") },
        Choice { value: Role::Merchant, key: "merchant", label: "role-merchant", hint: Some("accounts-role-merchant-hint") },
    ]
}

/// The role is always one of the choices; any other error is said above the form.
const OPEN_FIELDS: &[&str] = &["name", "phone"];

/// Opens an account; the setup code shows under the form.
#[component]
fn OpenAccount(opened: Callback<AccountEntry>) -> impl IntoView {
    let session = Session::get();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Staff);
    let busy = RwSignal::new(false);
    let form = FormError::new(OPEN_FIELDS);
    let issued = RwSignal::new(None::<OneTimeCode>);
    let by_admin = signed_in(session).is_some_and(|(_, role)| role == Role::Admin);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = NewAccountRequest { name: name.get_untracked(), phone: phone.get_untracked(), role: role.get_untracked() };
        let Some(request) = form.checked(check::new_account(&typed, by_admin)) else { return };
        issued.set(None);
        let client = session.client();
        form.send(session, busy, async move { client.open_account(&request).await }, move |code: OneTimeCode| {
            opened.run(code.account.clone());
            issued.set(Some(code));
            name.set(String::new());
            phone.set(String::new());
            busy.set(false);
            native::focus_soon("#opened-code-heading");
        });
    };
    view! {
        <section id="open-account" class="inline-form" aria-labelledby="open-account-heading">
            <h2 id="open-account-heading">{tr("accounts-open-heading")}</h2>
            <p class="summary">{tr("accounts-open-intro")}</p>
            <form id="open-account-form" novalidate on:submit=submit>
                <FormAlert form/>
                <NameAndPhone form name_id="open-account-name" phone_id="open-account-phone" name phone/>
                <RadioChoices id="open-account-role" name="role" legend="accounts-role" choices=role_choices() chosen=role/>
                <SubmitButton id="open-account-submit" label="accounts-open-submit" busy/>
            </form>
            <p class="done" role="status" id="opened-status">
                {move || issued.get().map(|code| t_args("accounts-opened", &[("name", code.account.name.into())]))}
            </p>
            {move || issued.get().map(|code| view! {
                <IssuedCode id="opened-code".to_owned() issued=code kind=CodeKind::Setup level=HeadingLevel::H3/>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, role: Role) -> AccountEntry {
        AccountEntry { id: UserId(id), name: "张三".into(), phone_masked: "139****5678".into(), role, disabled: false }
    }

    #[test]
    fn nobody_manages_their_own_account_and_only_administrators_manage_administrators() {
        assert!(manageable(&entry(2, Role::Property), UserId(1), Role::Staff));
        assert!(!manageable(&entry(1, Role::Staff), UserId(1), Role::Staff));
        assert!(!manageable(&entry(3, Role::Admin), UserId(1), Role::Staff));
        assert!(manageable(&entry(3, Role::Admin), UserId(1), Role::Admin));
    }
}
