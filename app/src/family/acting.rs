//! `/family/for/:resident`: what a family member can do for one resident, in their name:
//! their votes, wishes, bookings, problem reports and notices (with read-aloud), each as the
//! resident allowed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::family::{FamilyLink, Grant};
use linli_api::ids::UserId;
use linli_api::hall::Vote;
use linli_api::notices::NoticeSummary;
use linli_api::paging::PageQuery;
use linli_api::ErrorCode;

use super::grants_text;
use crate::i18n::{format_datetime, locale, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
use crate::hall::VoteCard;
use crate::notices::NoticeView;
use crate::session::Session;

fn resident_param(raw: Option<String>) -> Option<UserId> {
    raw?.parse().ok().filter(|id| *id > 0).map(UserId)
}

#[component]
pub fn ActingHome() -> impl IntoView {
    let params = use_params_map();
    let resident = resident_param(params.read_untracked().get("resident"));
    view! {
        <Page back="/family" title="family-acting-title">
            <Guarded>
                {match resident {
                    Some(resident) => view! { <ForResident resident/> }.into_any(),
                    None => view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

/// The resident a family member acts for on another module's screen (`?for=<user id>`).
pub fn acting_for() -> Option<UserId> {
    resident_param(leptos_router::hooks::use_query_map().read_untracked().get("for"))
}

/// The path with `?for=` kept, so a family member stays acting for the same resident.
pub fn keep_for(path: &str, resident: Option<UserId>) -> String {
    match resident {
        Some(resident) => format!("{path}?for={resident}"),
        None => path.to_owned(),
    }
}

/// On another module's screen used for a resident (`?for=`): whose name this is done in.
#[component]
pub fn ActingBanner(resident: UserId) -> impl IntoView {
    let session = Session::get();
    let name = RwSignal::new(None::<String>);
    let client = session.client();
    spawn_local(async move {
        if let Ok(links) = client.family_links().await {
            let found = links.i_help.into_iter().find(|link| link.resident.id == resident).map(|link| link.resident.name);
            name.try_set(found);
        }
    });
    move || {
        name.get().map(|name| {
            view! {
                <p id="acting-for" class="acting-banner" role="note">
                    {move || t_args("family-acting-banner", &[("name", name.clone().into())])}
                </p>
            }
        })
    }
}

#[component]
fn ForResident(resident: UserId) -> impl IntoView {
    let session = Session::get();
    let link = RwSignal::new(None::<Result<FamilyLink, ErrorCode>>);
    let load = move || {
        let client = session.client();
        spawn_local(async move {
            let result = match client.family_links().await {
                Ok(links) => links.i_help.into_iter().find(|link| link.resident.id == resident).ok_or(ErrorCode::NotPermitted),
                Err(error) => {
                    session.on_error(error.code());
                    Err(error.code())
                }
            };
            link.set(Some(result));
        });
    };
    load();
    let retry = Callback::new(move |_| load());
    move || match link.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(link)) => {
            let name = link.resident.name.clone();
            let grants = link.grants.clone();
            let reads = grants.contains(&Grant::ReadNotices);
            let votes = grants.contains(&Grant::VoteProxy);
            let wishes = grants.contains(&Grant::PostWishes);
            let bookings = grants.contains(&Grant::BookAppointments);
            let reports = grants.contains(&Grant::ReportProblems);
            view! {
                <p id="acting-for" class="acting-banner" role="note">
                    {move || t_args("family-acting-banner", &[("name", name.clone().into())])}
                </p>
                <p>{move || t_args("family-may", &[("grants", grants_text(&grants).into())])}</p>
                {votes.then(|| view! { <TheirVotes resident/> })}
                {wishes.then(|| view! {
                    <section aria-labelledby="their-wishes-heading">
                        <h2 id="their-wishes-heading">{tr("family-their-wishes")}</h2>
                        <a class="button" id="their-wishes" href=format!("/wishes/mine?for={resident}")>{tr("wish-mine-title")}</a>
                        <a class="button" id="their-wish-new" href=format!("/wishes/new?for={resident}")>{tr("wish-new-title")}</a>
                    </section>
                })}
                {bookings.then(|| view! {
                    <section aria-labelledby="their-bookings-heading">
                        <h2 id="their-bookings-heading">{tr("family-their-bookings")}</h2>
                        <a class="button" id="their-services" href=format!("/services?for={resident}")>{tr("bookings-new")}</a>
                        <a class="button" id="their-bookings" href=format!("/bookings?for={resident}")>{tr("bookings-their-title")}</a>
                    </section>
                })}
                {reports.then(|| view! {
                    <section aria-labelledby="their-reports-heading">
                        <h2 id="their-reports-heading">{tr("family-their-reports")}</h2>
                        <a class="button" id="their-report-new" href=format!("/reports/new?for={resident}")>{tr("report-new-title")}</a>
                        <a class="button" id="their-reports" href=format!("/reports?for={resident}")>{tr("reports-their-heading")}</a>
                    </section>
                })}
                {reads.then(|| view! { <TheirNotices resident/> })}
            }
            .into_any()
        }
    }
}

/// The resident's votes, answerable for them as their proxy.
#[component]
fn TheirVotes(resident: UserId) -> impl IntoView {
    let session = Session::get();
    let votes = RwSignal::new(None::<Result<Vec<Vote>, ErrorCode>>);
    let load = move || {
        let client = session.client().acting_for(resident);
        load_into(session, votes, async move { client.votes().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <section aria-labelledby="their-votes-heading">
            <h2 id="their-votes-heading">{tr("family-their-votes")}</h2>
            {move || match votes.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{tr("hall-none")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul id="their-votes" class="vote-list">
                        {list.into_iter().map(|vote| view! { <VoteCard vote acting_for=resident/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn TheirNotices(resident: UserId) -> impl IntoView {
    let session = Session::get();
    let notices = RwSignal::new(None::<Result<Vec<NoticeSummary>, ErrorCode>>);
    let load = move || {
        let client = session.client().acting_for(resident);
        load_into(session, notices, async move { client.notices(&PageQuery::default()).await.map(|page| page.items) });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <section aria-labelledby="their-notices-heading">
            <h2 id="their-notices-heading">{tr("family-their-notices")}</h2>
            {move || match notices.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p class="empty">{tr("notices-empty")}</p> }.into_any(),
                Some(Ok(items)) => view! {
                    <ul id="their-notices" class="notice-list">
                        {items.into_iter().map(|notice| {
                            let href = format!("/family/for/{resident}/notices/{}", notice.id);
                            let at = notice.published_at;
                            view! {
                                <li class="notice-item" class:unread=!notice.read>
                                    <a class="notice-link" href=href>
                                        <span class="notice-title">{notice.title.clone()}</span>
                                        <time datetime=at.to_rfc3339()>{move || format_datetime(locale(), at, session.utc_offset())}</time>
                                        {(!notice.read).then(|| view! { <span class="tag">{tr("family-unread-for-them")}</span> })}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn ActingNotice() -> impl IntoView {
    let params = use_params_map();
    let resident = resident_param(params.read_untracked().get("resident"));
    let back = resident.map(|id| format!("/family/for/{id}")).unwrap_or_else(|| "/family".to_owned());
    view! {
        <Page back>
            <Guarded>
                {match resident {
                    Some(resident) => view! { <NoticeView acting_for=Some(resident)/> }.into_any(),
                    None => view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_query_is_kept_on_every_link() {
        assert_eq!(keep_for("/wishes/3", Some(UserId(7))), "/wishes/3?for=7");
        assert_eq!(keep_for("/wishes/3", None), "/wishes/3");
        assert_eq!(resident_param(Some("7".into())), Some(UserId(7)));
        assert_eq!(resident_param(Some("-1".into())), None);
    }
}
