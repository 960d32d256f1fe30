//! `/notices/:id/reads`: how many residents have read a notice (live), and who has not,
//! per building, so staff can phone them.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::ids::NoticeId;
use linli_api::notices::{BuildingReads, BuildingUnread, ReadStats};
use linli_api::ErrorCode;

use super::parse_notice_id;
use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, Guarded, Loading, Page};
use crate::session::{can_publish, Session};

#[component]
pub fn ReadStatsPage() -> impl IntoView {
    let params = use_params_map();
    let back = match parse_notice_id(params.read_untracked().get("id")) {
        Some(id) => format!("/notices/{id}"),
        None => "/notices".to_owned(),
    };
    view! {
        <Page back title="reads-title">
            <Guarded allow=can_publish>
                <Reads/>
            </Guarded>
        </Page>
    }
}

/// While reads keep arriving live, the per-building figures reload at most this often
/// (20,000 residents reading an urgent notice must not make 20,000 reloads).
const RELOAD_AT_MOST_EVERY: Duration = Duration::from_secs(5);

#[component]
fn Reads() -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let id = Memo::new(move |_| parse_notice_id(params.read().get("id")));
    let stats = RwSignal::new(None::<ReadStats>);
    let read_count = RwSignal::new(0_i64);
    let error = RwSignal::new(None::<ErrorCode>);
    // Bumped by every reload, so that open building lists load again too.
    let version = RwSignal::new(0_u64);
    let reload_pending = StoredValue::new(false);
    let last_reload = StoredValue::new(f64::MIN);

    let load = move |id: Option<NoticeId>| {
        let Some(id) = id else {
            error.set(Some(ErrorCode::NotFound));
            return;
        };
        let client = session.client();
        spawn_local(async move {
            match client.read_stats(id).await {
                Ok(fresh) => {
                    read_count.set(fresh.read_count);
                    stats.set(Some(fresh));
                    error.set(None);
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    session.on_error(e.code());
                    error.set(Some(e.code()));
                }
            }
        });
    };
    Effect::new(move |_| load(id.get()));
    // A live read: the count changes at once; the buildings' figures follow at once too,
    // unless they reloaded moments ago, and then once the moment has passed.
    Effect::new(move |_| {
        if let Some((notice_id, count)) = session.live.read_count.get() {
            if Some(notice_id) == id.get_untracked() {
                read_count.set(count);
                let since = js_sys::Date::now() - last_reload.get_value();
                let every = RELOAD_AT_MOST_EVERY.as_millis() as f64;
                if since >= every {
                    last_reload.set_value(js_sys::Date::now());
                    load(Some(notice_id));
                } else if !reload_pending.get_value() {
                    reload_pending.set_value(true);
                    let wait = Duration::from_millis((every - since) as u64);
                    set_timeout(
                        move || {
                            reload_pending.set_value(false);
                            last_reload.set_value(js_sys::Date::now());
                            load(Some(notice_id));
                        },
                        wait,
                    );
                }
            }
        }
    });
    session.live.reload_on_resync(move || load(id.get_untracked()));
    let retry = Callback::new(move |_| load(id.get_untracked()));

    move || {
        if let Some(code) = error.get() {
            return view! { <ErrorBox code retry/> }.into_any();
        }
        let Some(current) = stats.get() else {
            return view! { <Loading/> }.into_any();
        };
        let residents = current.resident_count;
        let notice = current.notice_id;
        let all_read = current.buildings.iter().all(|building| building.read >= building.residents);
        view! {
            <p class="read-summary" aria-live="polite">
                {tr("reads-read-by")}
                " "<span id="read-count" class="count">{move || read_count.get()}</span>" "
                {tr("reads-of")}
                " "<span id="resident-count" class="count">{residents}</span>" "
                {move || t_args("reads-residents", &[("count", residents.into())])}
            </p>
            <h2>{tr("reads-unread-heading")}</h2>
            {if all_read {
                view! { <p class="empty">{tr("reads-all-read")}</p> }.into_any()
            } else {
                view! {
                    <div id="unread-residents">
                        {current.buildings.into_iter()
                            .filter(|building| building.read < building.residents)
                            .map(|building| view! { <Building notice building version/> })
                            .collect_view()}
                    </div>
                }.into_any()
            }}
        }.into_any()
    }
}

/// One building: how many have not read it, and on request who they are.
#[component]
fn Building(notice: NoticeId, building: BuildingReads, version: RwSignal<u64>) -> impl IntoView {
    let session = Session::get();
    let count = building.residents - building.read;
    let building_id = building.building_id;
    let open = RwSignal::new(false);
    let names = RwSignal::new(None::<Result<BuildingUnread, ErrorCode>>);
    let load = move || {
        let client = session.client();
        spawn_local(async move {
            let loaded = client.unread_in_building(notice, building_id).await.map_err(|e| e.code());
            if let Err(code) = &loaded {
                session.on_error(*code);
            }
            names.set(Some(loaded));
        });
    };
    // Open lists follow the figures when they reload.
    Effect::new(move |first: Option<()>| {
        version.track();
        if first.is_some() && open.get_untracked() {
            load();
        }
    });
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening && names.with_untracked(Option::is_none) {
            load();
        }
    };
    let list_id = format!("unread-{building_id}");
    let retry = Callback::new(move |_| load());
    view! {
        <section class="building" data-building-id=building_id.to_string()>
            <h3>
                {building.building}" "
                <span class="building-count">{move || t_args("reads-building-unread", &[("count", count.into())])}</span>
            </h3>
            <button type="button" class="button secondary show-names" aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string() on:click=toggle>
                {move || if open.get() { t("reads-hide-names") } else { t("reads-show-names") }}
            </button>
            <div id=list_id hidden=move || !open.get()>
                {move || match names.get() {
                    None => open.get().then(|| view! { <Loading/> }.into_any()),
                    Some(Err(code)) => Some(view! { <ErrorBox code retry/> }.into_any()),
                    Some(Ok(unread)) => Some(view! {
                        <ul class="residents">
                            {unread.residents.into_iter().map(|resident| view! {
                                <li>
                                    <span class="resident-name">{resident.name}</span>
                                    <span class="resident-place">{resident.unit}" "{resident.room}</span>
                                    <span class="resident-phone">{resident.phone_masked}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()),
                }}
            </div>
        </section>
    }
}
