//! `/notices/:id/reads`: how many residents have read a notice (live), and who has not,
//! per building, so staff can phone them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::ids::NoticeId;
use linli_api::notices::{BuildingUnread, ReadStats};
use linli_api::ErrorCode;

use super::parse_notice_id;
use crate::i18n::{t_args, tr};
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

#[component]
fn Reads() -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let id = Memo::new(move |_| parse_notice_id(params.read().get("id")));
    let stats = RwSignal::new(None::<ReadStats>);
    let read_count = RwSignal::new(0_i64);
    let error = RwSignal::new(None::<ErrorCode>);

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
                }
                Err(e) => {
                    session.on_error(e.code());
                    error.set(Some(e.code()));
                }
            }
        });
    };
    Effect::new(move |_| load(id.get()));
    // A live read: the count changes at once, the list of who has not read it follows.
    Effect::new(move |_| {
        if let Some((notice_id, count)) = session.live.read_count.get() {
            if Some(notice_id) == id.get_untracked() {
                read_count.set(count);
                load(Some(notice_id));
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
        view! {
            <p class="read-summary" aria-live="polite">
                {tr("reads-read-by")}
                " "<span id="read-count" class="count">{move || read_count.get()}</span>" "
                {tr("reads-of")}
                " "<span id="resident-count" class="count">{residents}</span>" "
                {move || t_args("reads-residents", &[("count", residents.into())])}
            </p>
            <h2>{tr("reads-unread-heading")}</h2>
            {if current.unread_by_building.is_empty() {
                view! { <p class="empty">{tr("reads-all-read")}</p> }.into_any()
            } else {
                view! {
                    <div id="unread-residents">
                        {current.unread_by_building.into_iter().map(|building| view! { <Building building/> }).collect_view()}
                    </div>
                }.into_any()
            }}
        }.into_any()
    }
}

#[component]
fn Building(building: BuildingUnread) -> impl IntoView {
    let count = building.residents.len();
    view! {
        <section class="building">
            <h3>
                {building.building}" "
                <span class="building-count">{move || t_args("reads-building-unread", &[("count", count.into())])}</span>
            </h3>
            <ul class="residents">
                {building.residents.into_iter().map(|resident| view! {
                    <li>
                        <span class="resident-name">{resident.name}</span>
                        <span class="resident-place">{resident.unit}" "{resident.room}</span>
                        <span class="resident-phone">{resident.phone_masked}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
