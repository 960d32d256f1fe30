//! `/notices/:id`: the notice itself; opening it marks it read. A family member reads a
//! resident's notice through the same view, acting for them. A notice that carries a vote
//! shows it with the hall's one-tap card, so the reader (or the family proxy) answers it
//! right there.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::hall::Vote;
use linli_api::notices::{Notice, NoticeCategory};
use linli_api::ids::{UserId, VoteId};
use linli_api::ErrorCode;

use super::{category_id, parse_notice_id};
use crate::hall::VoteCard;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::icons::{self, icon};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
use crate::session::{can_publish, Session};
use crate::speech::{html_to_text, reading_text, ReadAloud};

#[component]
pub fn NoticeDetail() -> impl IntoView {
    view! {
        <Page back="/notices">
            <Guarded>
                <NoticeView acting_for=None/>
            </Guarded>
        </Page>
    }
}

#[derive(Clone, PartialEq)]
enum State {
    Loading,
    Loaded(Box<Notice>),
    Failed(ErrorCode),
}

/// The notice of the route's `:id`, read by the signed-in person or, with `acting_for`,
/// for that resident (which marks it read for them and goes into their history).
#[component]
pub fn NoticeView(acting_for: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let state = RwSignal::new(State::Loading);
    let load = move || {
        let Some(id) = parse_notice_id(params.read_untracked().get("id")) else {
            state.set(State::Failed(ErrorCode::NotFound));
            return;
        };
        state.set(State::Loading);
        let client = match acting_for {
            Some(resident) => session.client().acting_for(resident),
            None => session.client(),
        };
        spawn_local(async move {
            match client.notice(id).await {
                Ok(notice) => {
                    let unread = !notice.summary.read;
                    state.set(State::Loaded(Box::new(notice)));
                    if unread && client.mark_read(id).await.is_ok() && acting_for.is_none() {
                        session.notices.mark_read(id);
                    }
                }
                Err(error) => {
                    session.on_error(error.code());
                    state.set(State::Failed(error.code()));
                }
            }
        });
    };
    // Reload when the route's id changes while this view stays mounted.
    Effect::new(move |_| {
        params.track();
        load();
    });
    let retry = Callback::new(move |_| load());
    move || match state.get() {
        State::Loading => view! { <h1>{tr("notice-heading")}</h1><Loading/> }.into_any(),
        State::Failed(code) => view! { <h1>{tr("notice-heading")}</h1><ErrorBox code retry/> }.into_any(),
        State::Loaded(notice) => view! { <Article notice=*notice acting_for/> }.into_any(),
    }
}

#[component]
fn Article(notice: Notice, acting_for: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let summary = notice.summary;
    let id = summary.id;
    let published_at = summary.published_at;
    let author = summary.author_name.clone();
    let category = summary.category;
    let vote_id = summary.vote_id;
    let show_reads = move || session.me().is_some_and(|me| can_publish(me.role));
    let reading = reading_text(&[&summary.title, &html_to_text(&notice.body_html)]);
    view! {
        <article id="notice" data-notice-id=id.to_string() class:urgent=summary.urgent>
            <h1>{summary.title.clone()}</h1>
            <ReadAloud text=Signal::stored(reading)/>
            <p class="notice-meta">
                {summary.urgent.then(|| view! { <span class="tag urgent">{icon(icons::URGENT)}{tr("notice-urgent")}</span> })}
                {summary.pinned.then(|| view! { <span class="tag pinned">{icon(icons::PIN)}{tr("notice-pinned")}</span> })}
                {(!(summary.urgent && category == NoticeCategory::Urgent)).then(|| view! {
                    <span class="tag category">{move || t(category_id(category))}</span>
                })}
                <time datetime=published_at.to_rfc3339()>
                    {move || format_datetime(locale(), published_at, session.utc_offset())}
                </time>
                <span class="author">{move || t_args("notice-author", &[("name", author.clone().into())])}</span>
            </p>
            // Rendered from Markdown and sanitised by the server.
            <div class="notice-body" inner_html=notice.body_html></div>
            {vote_id.map(|vote_id| view! { <NoticeVote vote_id acting_for/> })}
            {move || show_reads().then(|| view! {
                <p><a class="button" href=format!("/notices/{id}/reads")>{tr("notice-reads-link")}</a></p>
            })}
        </article>
    }
}

/// The vote a notice carries, answerable with one tap; acting for a resident, cast as their
/// proxy (which needs their vote-proxy grant: without it the family member is told so).
#[component]
fn NoticeVote(vote_id: VoteId, acting_for: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let vote = RwSignal::new(None::<Result<Vote, ErrorCode>>);
    let load = move || {
        let client = match acting_for {
            Some(resident) => session.client().acting_for(resident),
            None => session.client(),
        };
        load_into(session, vote, async move { client.vote(vote_id).await });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <section id="notice-vote" class="notice-vote" aria-labelledby="notice-vote-heading">
            <h2 id="notice-vote-heading">{tr("notice-vote-heading")}</h2>
            {move || match vote.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(ErrorCode::NotPermitted)) if acting_for.is_some() => {
                    view! { <p class="hint">{tr("notice-vote-not-granted")}</p> }.into_any()
                }
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                // The card keeps its own copy from here on: a ballot cast, the live count.
                Some(Ok(vote)) => view! {
                    <ul class="vote-list">
                        {match acting_for {
                            Some(resident) => view! { <VoteCard vote acting_for=resident/> }.into_any(),
                            None => view! { <VoteCard vote/> }.into_any(),
                        }}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
