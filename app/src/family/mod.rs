//! Family links (亲情账号). `/family`: my family members and what each may do for me, and the
//! residents I help; the code to invite a relative, the page that accepts one, acting for a
//! resident, and the history of everything done in someone's name.

mod acting;
mod history;
mod invite;
mod join;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::family::{FamilyLink, FamilyLinks, Grant, UpdateGrants};
use linli_api::ErrorCode;

use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
use crate::me::household_text;
use crate::session::Session;

pub use acting::{acting_for, keep_for, ActingBanner, ActingHome, ActingNotice};
pub use history::FamilyHistoryPage;
pub use invite::InviteFamily;
pub use join::JoinFamily;

/// The Fluent message naming a grant.
pub fn grant_id(grant: Grant) -> &'static str {
    match grant {
        Grant::ReadNotices => "grant-read-notices",
        Grant::BookAppointments => "grant-book-appointments",
        Grant::OrderGroceries => "grant-order-groceries",
        Grant::PostWishes => "grant-post-wishes",
        Grant::ReportProblems => "grant-report-problems",
        Grant::VoteProxy => "grant-vote-proxy",
    }
}

/// Grants as a sentence-friendly list in the current language.
pub fn grants_text(grants: &[Grant]) -> String {
    if grants.is_empty() {
        return t("family-grants-none");
    }
    grants.iter().map(|grant| t(grant_id(*grant))).collect::<Vec<_>>().join(&t("list-separator"))
}

/// Checkboxes for choosing grants; `chosen` holds the ticked ones.
#[component]
pub fn GrantChoices(chosen: RwSignal<Vec<Grant>>, id_prefix: String) -> impl IntoView {
    view! {
        <fieldset class="grants">
            <legend>{tr("family-grants-legend")}</legend>
            {Grant::ALL.into_iter().map(|grant| {
                let id = format!("{id_prefix}-{}", grant.as_str().replace('_', "-"));
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone() name=grant.as_str()
                            prop:checked=move || chosen.with(|c| c.contains(&grant))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|g| *g != grant);
                                    if on { c.push(grant); c.sort(); }
                                });
                            }/>
                        <label for=id>{move || t(grant_id(grant))}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub fn FamilyPage() -> impl IntoView {
    view! {
        <Page back="/me" title="family-title">
            <Guarded>
                <Links/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Links() -> impl IntoView {
    let session = Session::get();
    let links = RwSignal::new(None::<Result<FamilyLinks, ErrorCode>>);
    let load = move || {
        let client = session.client();
        load_into(session, links, async move { client.family_links().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    let is_resident = move || session.me().is_some_and(|me| crate::help::asks_for_help(me.role));
    view! {
        <p>{tr("family-intro")}</p>
        {move || match links.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(FamilyLinks { my_family, i_help })) => view! {
                {is_resident().then(|| view! {
                    <section aria-labelledby="my-family-heading">
                        <h2 id="my-family-heading">{tr("family-mine")}</h2>
                        {if my_family.is_empty() {
                            view! { <p class="empty">{tr("family-mine-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul id="my-family" class="family-list">
                                    {my_family.into_iter().map(|link| view! { <MemberItem link on_change=load/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <a id="family-invite" class="button primary" href="/family/invite">{tr("family-invite-link")}</a>
                    </section>
                })}
                <section aria-labelledby="i-help-heading">
                    <h2 id="i-help-heading">{tr("family-i-help")}</h2>
                    {if i_help.is_empty() {
                        view! { <p class="empty">{tr("family-i-help-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul id="i-help" class="family-list">
                                {i_help.into_iter().map(|link| view! { <ResidentItem link/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <a class="button" href="/family/join">{tr("family-join-link")}</a>
                </section>
                <p><a id="family-history-link" class="button" href="/family/history">{tr("family-history-link")}</a></p>
            }.into_any(),
        }}
    }
}

/// A family member of mine: what they may do, changeable; and ending the link, confirmed
/// in place rather than in a pop-up.
#[component]
fn MemberItem(link: FamilyLink, on_change: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = Session::get();
    let id = link.id;
    let chosen = RwSignal::new(link.grants.clone());
    let saved = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorCode>);
    let save = move |_| {
        saved.set(false);
        error.set(None);
        let client = session.client();
        let grants = chosen.get_untracked();
        spawn_local(async move {
            match client.update_family_grants(id, &UpdateGrants { grants }).await {
                Ok(_) => saved.set(true),
                Err(failure) => {
                    session.on_error(failure.code());
                    error.set(Some(failure.code()));
                }
            }
        });
    };
    let revoke = move |_| {
        let client = session.client();
        spawn_local(async move {
            match client.revoke_family_link(id).await {
                Ok(()) => on_change(),
                Err(failure) => {
                    session.on_error(failure.code());
                    error.set(Some(failure.code()));
                }
            }
        });
    };
    let member = link.member;
    view! {
        <li class="family-item" id=format!("family-link-{id}")>
            <h3>{member.name.clone()}</h3>
            <p class="hint">{move || t_args("family-member-detail", &[
                ("phone", member.phone_masked.clone().into()),
                ("community", member.community_name.clone().into()),
            ])}</p>
            <GrantChoices chosen id_prefix=format!("grant-{id}")/>
            <button type="button" class="button primary" id=format!("family-save-{id}") on:click=save>{tr("family-save")}</button>
            <p role="status" class="saved">{move || saved.get().then(|| t("family-saved"))}</p>
            {move || error.get().map(|code| view! { <ErrorBox code/> })}
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger" id=format!("family-revoke-{id}") on:click=move |_| confirming.set(true)>
                        {tr("family-revoke")}
                    </button>
                }
            >
                <div class="confirm">
                    <p>{tr("family-revoke-question")}</p>
                    <button type="button" class="button danger" id=format!("family-revoke-yes-{id}") on:click=revoke>
                        {tr("family-revoke-yes")}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>{tr("family-revoke-no")}</button>
                </div>
            </Show>
        </li>
    }
}

/// A resident I may act for.
#[component]
fn ResidentItem(link: FamilyLink) -> impl IntoView {
    let resident = link.resident;
    let grants = link.grants;
    let household = resident.household.clone();
    let place = move || match &household {
        Some(household) => format!("{} {}", resident.community_name, household_text(household)),
        None => resident.community_name.clone(),
    };
    view! {
        <li class="family-item">
            <h3>{resident.name.clone()}</h3>
            <p class="hint">{place}</p>
            <p>{move || t_args("family-may", &[("grants", grants_text(&grants).into())])}</p>
            <a class="button primary" id=format!("act-for-{}", resident.id) href=format!("/family/for/{}", resident.id)>
                {move || t_args("family-act-for", &[("name", resident.name.clone().into())])}
            </a>
        </li>
    }
}
