//! `/admin/communities` (the street office's administrator): every community at a glance as
//! stacked cards (households on record and registered, residents, open help requests,
//! overdue problem reports, votes open, group buys running), a page at a time; a new
//! community (name, service phone, time zone), then its first staff account, whose setup code
//! shows large.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::admin::{limits as admin_limits, CommunityOverview, NewAccountRequest, NewCommunity, OneTimeCode};
use linli_api::auth::Role;
use linli_api::community::CommunityInfo;
use linli_api::ids::CommunityId;
use linli_api::validate::admin as check;
use linli_api::ErrorCode;

use super::{CodeKind, HeadingLevel, IssuedCode, NameAndPhone, WordedField};
use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, FieldError, FormAlert, FormError, Guarded, Hint, ListPage, Loading, MoreButton, Page, PageState, Pages, SubmitButton, TextField};
use crate::native;
use crate::session::{administers, Session};

#[component]
pub fn CommunitiesPage() -> impl IntoView {
    view! {
        <Page back="/" title="admin-communities-title">
            <Guarded allow=administers>
                <Overview/>
            </Guarded>
        </Page>
    }
}

/// A community just created, as the overview shows it: nothing in it yet.
fn empty_overview(community: CommunityInfo) -> CommunityOverview {
    CommunityOverview {
        community,
        households_on_record: 0,
        households_registered: 0,
        residents: 0,
        open_help_requests: 0,
        overdue_reports: 0,
        votes_open: 0,
        campaigns_running: 0,
    }
}

#[component]
fn Overview() -> impl IntoView {
    let session = Session::get();
    let pages: Pages<CommunityOverview> = Pages::new();
    let load = move |from_start: bool| {
        pages.load(session, from_start, |client, after| async move {
            let after = after.and_then(|after| after.parse().ok()).map(CommunityId);
            let page = client.community_overview(after, None).await?;
            let next = page.next.map(|id| id.0.to_string());
            Ok(ListPage { items: page.communities, next, total: Some(page.communities_total) })
        })
    };
    load(true);
    let more = Callback::new(move |_| load(false));
    let creating = RwSignal::new(false);
    let created = Callback::new(move |info: CommunityInfo| {
        pages.total.update(|total| *total = total.map(|count| count + 1));
        if pages.next.get_untracked().is_none() && pages.state.get_untracked() == PageState::Loaded {
            pages.items.update(|list| list.push(empty_overview(info)));
        }
    });
    view! {
        <p class="summary" id="communities-total">
            {move || pages.total.get().map(|count| t_args("admin-communities-count", &[("count", count.into())]))}
        </p>
        <div class="form-actions">
            <button type="button" class="button" id="new-community-toggle"
                aria-controls=move || creating.get().then_some("new-community")
                aria-expanded=move || if creating.get() { "true" } else { "false" }
                on:click=move |_| creating.update(|open| *open = !*open)>
                {move || if creating.get() { t("admin-new-close") } else { t("admin-new-toggle") }}
            </button>
        </div>
        <Show when=move || creating.get()>
            <NewCommunityFlow created/>
        </Show>
        <section id="communities" aria-labelledby="communities-heading">
            <h2 id="communities-heading">{tr("admin-communities-heading")}</h2>
            <ul id="communities-list" class="staff-cards">
                <For each=move || pages.items.get() key=|overview| overview.community.id let:overview>
                    <CommunityCard overview/>
                </For>
            </ul>
            {move || pages.is_empty().then(|| view! {
                <p class="empty">{tr("admin-communities-none")}</p>
            })}
            {move || pages.loading().then(|| view! { <Loading/> })}
            {move || pages.failed().map(|code| view! { <ErrorBox code retry=more/> })}
            <MoreButton id="more-communities" label="admin-communities-more" shown=Signal::derive(move || pages.has_more()) more/>
        </section>
    }
}

/// One community: its name and service phone, and its figures, each a word and a number.
#[component]
fn CommunityCard(overview: CommunityOverview) -> impl IntoView {
    let CommunityOverview {
        community,
        households_on_record,
        households_registered,
        residents,
        open_help_requests,
        overdue_reports,
        votes_open,
        campaigns_running,
    } = overview;
    let id = community.id;
    let figure = move |label: &'static str, part: &'static str, value: i64| {
        view! {
            <div class="staff-figure" data-figure=part>
                <dt>{tr(label)}</dt>
                <dd id=format!("community-{id}-{part}")>{value}</dd>
            </div>
        }
    };
    view! {
        <li class="staff-card community-card" id=format!("community-{id}")>
            <h3 class="staff-card-title" id=format!("community-{id}-name")>{community.name}</h3>
            <dl class="staff-figures">
                // On a line of its own, so the number never breaks at a dash.
                <div class="staff-figure wide">
                    <dt>{tr("admin-service-phone")}</dt>
                    <dd id=format!("community-{id}-phone")>{community.service_phone}</dd>
                </div>
                {figure("admin-households-on-record", "on-record", households_on_record)}
                {figure("admin-households-registered", "registered", households_registered)}
                {figure("admin-residents", "residents", residents)}
                {figure("admin-open-help", "help", open_help_requests)}
                {figure("admin-overdue-reports", "overdue", overdue_reports)}
                {figure("admin-votes-open", "votes", votes_open)}
                {figure("admin-campaigns-running", "campaigns", campaigns_running)}
            </dl>
        </li>
    }
}

/// China's zones the form offers by name (each one `validate::admin::time_zone` knows), and
/// the Fluent id of each one's words; any other offset is typed.
pub const ZONES: [(&str, &str); 5] = [
    ("Asia/Shanghai", "admin-zone-shanghai"),
    ("Asia/Urumqi", "admin-zone-urumqi"),
    ("Asia/Hong_Kong", "admin-zone-hong-kong"),
    ("Asia/Macau", "admin-zone-macau"),
    ("Asia/Taipei", "admin-zone-taipei"),
];

/// The select's value for "another offset, typed".
const OTHER_ZONE: &str = "other";

/// A new community, then its first staff account; then another community, if asked.
#[component]
fn NewCommunityFlow(created: Callback<CommunityInfo>) -> impl IntoView {
    let made = RwSignal::new(None::<CommunityInfo>);
    let on_created = Callback::new(move |info: CommunityInfo| {
        created.run(info.clone());
        made.set(Some(info));
        native::focus_soon("#first-staff-heading");
    });
    let again = Callback::new(move |_| {
        made.set(None);
        native::focus_soon("#new-community-heading");
    });
    view! {
        <section id="new-community" class="inline-form" aria-labelledby=move || if made.get().is_some() { "first-staff-heading" } else { "new-community-heading" }>
            {move || match made.get() {
                None => view! { <NewCommunityForm on_created/> }.into_any(),
                Some(community) => view! { <FirstStaff community again/> }.into_any(),
            }}
        </section>
    }
}

const COMMUNITY_FIELDS: &[&str] = &["name", "service_phone", "time_zone"];

#[component]
fn NewCommunityForm(on_created: Callback<CommunityInfo>) -> impl IntoView {
    let session = Session::get();
    let name = RwSignal::new(String::new());
    let service_phone = RwSignal::new(String::new());
    let zone = RwSignal::new(ZONES[0].0.to_owned());
    let offset = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(COMMUNITY_FIELDS);
    let other = move || zone.get() == OTHER_ZONE;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let chosen = zone.get_untracked();
        let time_zone = if chosen == OTHER_ZONE { offset.get_untracked() } else { chosen };
        let typed = NewCommunity { name: name.get_untracked(), service_phone: service_phone.get_untracked(), time_zone: Some(time_zone) };
        let Some((request, _)) = form.checked(check::new_community(&typed)) else { return };
        let client = session.client();
        form.send(session, busy, async move { client.create_community(&request).await }, move |info| on_created.run(info));
    };
    let phone_hint = Hint { id: "new-community-phone-hint", text: Signal::derive(|| t("admin-service-phone-hint")) };
    let offset_hint = Hint { id: "new-community-offset-hint", text: Signal::derive(|| t("admin-zone-offset-hint")) };
    view! {
        <h2 id="new-community-heading" tabindex="-1">{tr("admin-new-heading")}</h2>
        <form id="new-community-form" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="name" id="new-community-name" label="admin-community-name" value=name autocomplete="off"
                maxlength=admin_limits::COMMUNITY_NAME_MAX_CHARS/>
            <WordedField form field="service_phone" id="new-community-phone" label="admin-service-phone" value=service_phone
                kind="tel" autocomplete="off" hint=phone_hint maxlength=admin_limits::SERVICE_PHONE_MAX_CHARS
                worded=(ErrorCode::InvalidPhone, "admin-service-phone-invalid")/>
            <div class="field">
                <label for="new-community-zone">{tr("admin-time-zone")}</label>
                <select id="new-community-zone" name="time_zone_choice" aria-describedby="new-community-zone-hint"
                    on:change=move |ev| zone.set(event_target_value(&ev))>
                    {ZONES.into_iter().map(|(value, label)| view! {
                        <option value=value prop:selected=move || zone.get() == value>{tr(label)}</option>
                    }).collect_view()}
                    <option value=OTHER_ZONE prop:selected=move || zone.get() == OTHER_ZONE>{tr("admin-zone-other")}</option>
                </select>
                <p id="new-community-zone-hint" class="hint">{tr("admin-time-zone-hint")}</p>
                {move || (!other()).then(|| view! { <FieldError form field="time_zone"/> })}
            </div>
            {move || other().then(|| view! {
                <TextField form field="time_zone" id="new-community-offset" label="admin-zone-offset" value=offset
                    autocomplete="off" hint=offset_hint maxlength=9/>
            })}
            <SubmitButton id="new-community-submit" label="admin-new-submit" busy/>
        </form>
    }
}

const STAFF_FIELDS: &[&str] = &["name", "phone"];

/// The new community's first staff account; its setup code replaces the form.
#[component]
fn FirstStaff(community: CommunityInfo, again: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(STAFF_FIELDS);
    let issued = RwSignal::new(None::<OneTimeCode>);
    let target = community.id;
    let community_name = community.name.clone();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = NewAccountRequest { name: name.get_untracked(), phone: phone.get_untracked(), role: Role::Staff };
        let Some(request) = form.checked(check::new_account(&typed, true)) else { return };
        let client = session.client();
        form.send(session, busy, async move { client.open_community_account(target, &request).await }, move |code| {
            issued.set(Some(code));
            busy.set(false);
            native::focus_soon("#first-staff-code-heading");
        });
    };
    let created_name = community.name.clone();
    view! {
        <p class="done" role="status" id="new-community-created">
            {move || t_args("admin-created", &[("name", created_name.clone().into())])}
        </p>
        <h2 id="first-staff-heading" tabindex="-1">
            {move || t_args("admin-first-staff-heading", &[("community", community_name.clone().into())])}
        </h2>
        {move || match issued.get() {
            None => view! {
                <p class="summary">{tr("admin-first-staff-intro")}</p>
                <form id="first-staff-form" novalidate on:submit=submit>
                    <FormAlert form/>
                    <NameAndPhone form name_id="first-staff-name" phone_id="first-staff-phone" name phone/>
                    <SubmitButton id="first-staff-submit" label="accounts-open-submit" busy/>
                </form>
            }
            .into_any(),
            Some(code) => view! {
                <IssuedCode id="first-staff-code".to_owned() issued=code kind=CodeKind::Setup level=HeadingLevel::H3/>
                <div class="form-actions">
                    <button type="button" class="button" id="new-community-again" on:click=move |_| again.run(())>
                        {tr("admin-new-another")}
                    </button>
                </div>
            }
            .into_any(),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_offered_is_one_the_server_accepts() {
        for (zone, _) in ZONES {
            assert!(check::time_zone(zone).is_some(), "{zone}");
        }
        assert_eq!(check::time_zone(ZONES[0].0), Some(480), "Beijing time first, the default");
    }
}
