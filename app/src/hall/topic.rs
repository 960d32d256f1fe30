//! `/hall/topics/:id`: one topic. Its title and text (read aloud on request), photos and
//! author; for a proposal, the households' support and the one button to add one's own;
//! its vote, answerable with one tap right here; "what was done" once staff post it (and
//! for staff, the form to post it after the vote); then the discussion (`thread.rs`).
//! Every action re-fetches the topic, so what is shown is what the server holds.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::auth::Role;
use linli_api::hall::{Vote, VotePhase};
use linli_api::ids::TopicId;
use linli_api::paging::PageQuery;
use linli_api::topics::{Comment, NewFollowUp, Topic, TopicState};
use linli_api::{validate, ErrorCode};

use super::images::Photos;
use super::tally::TallyView;
use super::thread::Discussion;
use super::topics::{speaker_name, speaker_text, state_id, SupportProgress};
use super::{parse_topic_id, time_left_text, VoteCard};
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{error_text, load_into, ErrorBox, FormAlert, FormError, Guarded, Hint, Loaded, Loading, Page, TextArea};
use crate::session::{can_invite, is_member, Session};
use crate::speech::{html_to_text, reading_text, ReadAloud};

/// The topic on screen, shared by its parts: what was loaded, and how to load it again.
#[derive(Clone, Copy)]
pub struct TopicScreen {
    pub id: TopicId,
    pub topic: RwSignal<Option<Topic>>,
    pub comments: RwSignal<Vec<Comment>>,
    /// The cursor of the discussion's next page, while there is one.
    pub more: RwSignal<Option<String>>,
    /// Fetches the topic and its thread again (after every action), as many comments as
    /// were on screen.
    pub reload: Callback<()>,
}

impl TopicScreen {
    /// A part of the loaded topic (tracked).
    pub fn with<T>(&self, part: impl FnOnce(&Topic) -> T) -> T {
        self.topic.with(|topic| part(topic.as_ref().expect("shown once loaded")))
    }
}

fn is_staff(session: Session) -> bool {
    session.me().is_some_and(|me| can_invite(me.role))
}

#[component]
pub fn TopicPage() -> impl IntoView {
    view! {
        <Page back="/hall">
            <Guarded allow=is_member>
                <TopicView/>
            </Guarded>
        </Page>
    }
}

#[component]
fn TopicView() -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let Some(id) = parse_topic_id(params.read_untracked().get("id")) else {
        return view! { <h1>{tr("topic-heading")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any();
    };
    let topic = RwSignal::new(None::<Topic>);
    let comments = RwSignal::new(Vec::<Comment>::new());
    let more = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<ErrorCode>);
    let reload = Callback::new(move |_| {
        let client = session.client();
        let shown = comments.with_untracked(Vec::len);
        spawn_local(async move {
            match client.topic(id).await {
                Ok(thread) => {
                    let (mut loaded, mut next) = (thread.comments, thread.next_after);
                    // Keep as much of the discussion on screen as the reader had loaded.
                    while loaded.len() < shown {
                        let Some(after) = next.take() else { break };
                        match client.topic_comments(id, &PageQuery::after(Some(&after), None)).await {
                            Ok(page) => {
                                loaded.extend(page.comments);
                                next = page.next_after;
                            }
                            Err(_) => break,
                        }
                    }
                    failed.try_set(None);
                    comments.try_set(loaded);
                    more.try_set(next);
                    topic.try_set(Some(thread.topic));
                }
                Err(error) => {
                    session.on_error(error.code());
                    failed.try_set(Some(error.code()));
                }
            }
        });
    });
    reload.run(());
    // Someone supported, commented or posted the follow-up: load the topic again.
    session.live.reload_on(session.live.topic_changed, id, move || reload.run(()));
    let screen = TopicScreen { id, topic, comments, more, reload };
    // The page is drawn once, when the topic first arrives; its parts follow later loads.
    let shown = Memo::new(move |_| topic.with(Option::is_some));
    let retry = Callback::new(move |_| {
        failed.set(None);
        reload.run(())
    });
    (move || match (shown.get(), failed.get()) {
        (true, _) => view! { <TopicArticle screen failed retry/> }.into_any(),
        (false, Some(code)) => view! { <h1>{tr("topic-heading")}</h1><ErrorBox code retry/> }.into_any(),
        (false, None) => view! { <h1>{tr("topic-heading")}</h1><Loading/> }.into_any(),
    })
    .into_any()
}

#[component]
fn TopicArticle(screen: TopicScreen, failed: RwSignal<Option<ErrorCode>>, retry: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let id = screen.id;
    let reading = Signal::derive(move || {
        screen.with(|topic| {
            let follow_up = topic.follow_up.as_ref().map(|f| html_to_text(&f.body_html)).unwrap_or_default();
            reading_text(&[&topic.title, &html_to_text(&topic.body_html), &follow_up])
        })
    });
    let images = Memo::new(move |_| screen.with(|topic| topic.images.clone()));
    let has_support = Memo::new(move |_| screen.with(|topic| topic.support.is_some()));
    let vote_id = Memo::new(move |_| screen.with(|topic| topic.vote_id));
    // The topic's vote, loaded once per vote (the card then follows its own live count).
    let vote: Loaded<Vote> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(vote_id) = vote_id.get() {
            let client = session.client();
            load_into(session, vote, async move { client.vote(vote_id).await });
        }
    });
    let created_at = move || screen.with(|topic| topic.created_at);
    let may_open_vote = Memo::new(move |_| {
        is_staff(session) && screen.with(|topic| topic.state == TopicState::Discussion && topic.vote_id.is_none())
    });
    view! {
        <article id="topic" data-topic-id=id.to_string()>
            <h1>{move || screen.with(|topic| topic.title.clone())}</h1>
            <ReadAloud text=reading/>
            <p class="notice-meta">
                <span class="tag">{move || t(state_id(screen.with(|topic| topic.state)))}</span>
                <span class="author">{move || screen.with(|topic| speaker_name(&topic.author))}</span>
                {move || screen.with(|topic| topic.author.staff).then(|| view! { <span class="tag staff">{tr("topic-staff")}</span> })}
                <time datetime=move || created_at().to_rfc3339()>
                    {move || format_datetime(locale(), created_at(), session.utc_offset())}
                </time>
            </p>
            {move || failed.get().map(|code| view! { <ErrorBox code retry/> })}
            // Rendered from Markdown and sanitised by the server.
            {move || {
                let body = screen.with(|topic| topic.body_html.clone());
                (!body.trim().is_empty()).then(|| view! { <div class="notice-body" inner_html=body></div> })
            }}
            {move || view! { <Photos ids=images.get()/> }}
            {move || has_support.get().then(|| view! { <SupportPanel screen/> })}
            {move || vote_id.get().map(|_| view! { <TopicVote vote/> })}
            {move || may_open_vote.get().then(|| view! {
                <p><a id="open-topic-vote" class="button" href=format!("/hall/new?topic={id}")>{tr("topic-open-vote")}</a></p>
            })}
            <FollowUpSection screen vote/>
            <Discussion screen/>
        </article>
    }
}

/// A proposal's support: the count and bar (announced as it changes), the deadline, and
/// for a resident the button that adds their household.
#[component]
fn SupportPanel(screen: TopicScreen) -> impl IntoView {
    let session = Session::get();
    let support = Signal::derive(move || screen.with(|topic| topic.support.clone().expect("a proposal")));
    // Memos: a reload that changes neither leaves the button (or the thanks) in place.
    let state = Memo::new(move |_| screen.with(|topic| topic.state));
    let mine = Memo::new(move |_| support.with(|s| s.mine));
    let resident = move || session.me().is_some_and(|me| me.role == Role::Resident);
    let failed = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let support_it = move |_| {
        busy.set(true);
        failed.set(None);
        let client = session.client();
        let id = screen.id;
        spawn_local(async move {
            match client.support_topic(id).await {
                Ok(topic) => {
                    screen.topic.try_set(Some(topic));
                    screen.reload.run(());
                }
                Err(error) => {
                    session.on_error(error.code());
                    failed.try_set(Some(error.code()));
                    screen.reload.run(());
                }
            }
            busy.try_set(false);
        });
    };
    let deadline = move || support.with(|s| s.deadline);
    view! {
        <section id="support" class="support" aria-labelledby="support-heading">
            <h2 id="support-heading">{tr("topic-support-heading")}</h2>
            <div aria-live="polite">
                <SupportProgress support/>
            </div>
            <p class="hint">
                {move || t_args("topic-support-deadline", &[("when", format_datetime(locale(), deadline(), session.utc_offset()).into())])}
                {move || (state.get() == TopicState::Proposed).then(|| format!(" · {}", time_left_text(deadline())))}
            </p>
            <p class="hint">{move || t_args("topic-support-rule", &[("needed", support.with(|s| s.needed).into())])}</p>
            {move || match (state.get(), mine.get()) {
                (TopicState::Proposed, true) => view! {
                    <p id="supported" class="done" role="status">{tr("topic-supported")}</p>
                }.into_any(),
                (TopicState::Proposed, false) if resident() => view! {
                    <button type="button" id="support-button" class="button primary big" disabled=move || busy.get() on:click=support_it>
                        {move || if busy.get() { t("busy") } else { t("topic-support-button") }}
                    </button>
                }.into_any(),
                (TopicState::Proposed, false) => ().into_any(),
                (TopicState::Lapsed, _) => view! { <p class="done">{tr("topic-support-lapsed")}</p> }.into_any(),
                (TopicState::Discussion | TopicState::Concluded, _) => view! { <p class="done">{tr("topic-support-reached")}</p> }.into_any(),
            }}
            {move || failed.get().map(|code| view! { <ErrorBox code/> })}
        </section>
    }
}

/// The topic's vote: the one-tap card and the live count, and the way to the vote's page.
#[component]
fn TopicVote(vote: Loaded<Vote>) -> impl IntoView {
    let session = Session::get();
    view! {
        <section id="topic-vote" class="topic-vote" aria-labelledby="topic-vote-heading">
            <h2 id="topic-vote-heading">{tr("topic-vote-heading")}</h2>
            {move || match vote.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code/> }.into_any(),
                Some(Ok(loaded)) => {
                    let id = loaded.id;
                    let live = RwSignal::new(Some(loaded.clone()));
                    super::follow_tally(session, live, move || session.client());
                    let current = Signal::derive(move || live.get().expect("loaded"));
                    view! {
                        <ul class="vote-list"><VoteCard vote=loaded/></ul>
                        <TallyView vote=current/>
                        <p><a id="topic-vote-link" class="button" href=format!("/hall/votes/{id}")>{tr("topic-vote-link")}</a></p>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// Whether staff may post the follow-up now: a discussion whose vote (if any) has closed.
fn follow_up_blocked(topic: &Topic, vote: Option<&Vote>) -> Option<ErrorCode> {
    match (topic.vote_id, vote) {
        (None, _) => None,
        (Some(_), Some(vote)) if vote.phase == VotePhase::Closed => None,
        (Some(_), _) => Some(ErrorCode::VoteStillOpen),
    }
}

/// "What was done": staff's account after the vote, and for staff the form to post it.
#[component]
fn FollowUpSection(screen: TopicScreen, vote: Loaded<Vote>) -> impl IntoView {
    let session = Session::get();
    // Memos: a reload that changes nothing here leaves the form (and what is typed) alone.
    let posted = Memo::new(move |_| screen.with(|topic| topic.follow_up.clone()));
    let may_post = Memo::new(move |_| {
        is_staff(session) && screen.with(|topic| topic.state == TopicState::Discussion && topic.follow_up.is_none())
    });
    let blocked = Memo::new(move |_| {
        vote.with(|v| screen.with(|topic| follow_up_blocked(topic, v.as_ref().and_then(|v| v.as_ref().ok()))))
    });
    move || {
        let follow_up = posted.get();
        (follow_up.is_some() || may_post.get()).then(|| view! {
            <section id="follow-up" class="follow-up" aria-labelledby="follow-up-heading">
                <h2 id="follow-up-heading">{tr("topic-follow-up-heading")}</h2>
                {match follow_up {
                    Some(done) => {
                        let at = done.posted_at;
                        let by = done.posted_by.clone();
                        view! {
                            <div class="notice-body" inner_html=done.body_html></div>
                            <p class="hint">{move || t_args("topic-follow-up-by", &[
                                ("name", speaker_text(&by).into()),
                                ("when", format_datetime(locale(), at, session.utc_offset()).into()),
                            ])}</p>
                        }.into_any()
                    }
                    None => view! {
                        {move || match blocked.get() {
                            Some(code) => view! { <p class="hint" id="follow-up-wait">{move || error_text(code)}</p> }.into_any(),
                            None => view! { <FollowUpForm screen/> }.into_any(),
                        }}
                    }.into_any(),
                }}
            </section>
        })
    }
}

#[component]
fn FollowUpForm(screen: TopicScreen) -> impl IntoView {
    let session = Session::get();
    let body = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["body"]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let text = match validate::follow_up(&body.get_untracked()) {
            Ok(text) => text,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        let id = screen.id;
        form.send(session, busy, async move { client.post_follow_up(id, &NewFollowUp { body: text }).await }, move |_| {
            busy.set(false);
            screen.reload.run(());
        });
    };
    view! {
        <form id="follow-up-form" novalidate on:submit=submit>
            <FormAlert form/>
            <TextArea form field="body" id="follow-up-body" label="topic-follow-up-field" value=body rows=5
                hint=Hint { id: "follow-up-hint", text: Signal::derive(|| t("topic-follow-up-hint")) }/>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("topic-follow-up-submit") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_follow_up_waits_for_the_vote_to_close() {
        let topic = |vote_id: Option<i64>| Topic {
            id: TopicId(1),
            title: "t".into(),
            body_html: String::new(),
            images: vec![],
            author: linli_api::topics::Speaker { name: "李主任".into(), building: None, staff: true },
            created_at: chrono::Utc::now(),
            state: TopicState::Discussion,
            support: None,
            vote_id: vote_id.map(linli_api::ids::VoteId),
            follow_up: None,
            comments: 0,
        };
        assert_eq!(follow_up_blocked(&topic(None), None), None);
        // Not loaded yet: wait rather than offer a form the server would refuse.
        assert_eq!(follow_up_blocked(&topic(Some(3)), None), Some(ErrorCode::VoteStillOpen));
    }
}
