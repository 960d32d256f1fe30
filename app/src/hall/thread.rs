//! A topic's discussion: comments oldest first, each with its replies (one level) indented
//! under it; "Reply" opens a reply field right under the comment; a comment form at the
//! bottom. A hidden comment shows why staff hid it (and its words only to staff and its
//! author, when the server sends them). Staff hide a comment by giving the reason inline,
//! in the thread itself: no pop-up, which 长辈版 forbids.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::ids::{CommentId, UploadId};
use linli_api::paging::PageQuery;
use linli_api::topics::{limits, Comment, HideComment, NewComment};
use linli_api::validate;

use super::images::{ImagePicker, Photos};
use super::topic::TopicScreen;
use super::topics::speaker_name;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{FieldError, FormAlert, FormError, MoreButton, TextField};
use crate::native;
use crate::session::{can_invite, Session};

/// What the thread has open, and what it last said to screen readers.
#[derive(Clone, Copy)]
struct ThreadState {
    screen: TopicScreen,
    /// The comment whose reply field is open.
    replying: RwSignal<Option<CommentId>>,
    /// The comment whose "why hide it" field is open (staff).
    hiding: RwSignal<Option<CommentId>>,
    /// The last thing done, for the status region.
    said: RwSignal<String>,
    /// The comment to move the focus to once the thread has been fetched again (the button
    /// that was pressed may be gone by then).
    focus: RwSignal<Option<CommentId>>,
}

impl ThreadState {
    /// After an action on `comment`: close the open fields, say what happened, fetch the
    /// thread again and then put the focus on that comment.
    fn done(self, message: &'static str, comment: CommentId) {
        self.replying.try_set(None);
        self.hiding.try_set(None);
        self.said.try_set(t(message));
        self.focus.try_set(Some(comment));
        self.screen.reload.run(());
    }
}

/// What identifies how a comment looks: a change re-draws it, nothing else does.
fn drawn_as(comment: &Comment) -> (CommentId, bool, bool, Vec<(CommentId, bool)>, i64) {
    (
        comment.id,
        comment.hidden.is_some(),
        comment.body.is_some(),
        comment.replies.iter().map(|reply| (reply.id, reply.hidden.is_some())).collect(),
        comment.more_replies,
    )
}

#[component]
pub fn Discussion(screen: TopicScreen) -> impl IntoView {
    let thread = ThreadState {
        screen,
        replying: RwSignal::new(None),
        hiding: RwSignal::new(None),
        said: RwSignal::new(String::new()),
        focus: RwSignal::new(None),
    };
    Effect::new(move |_| {
        screen.comments.track();
        if let Some(comment) = thread.focus.get_untracked() {
            thread.focus.set(None);
            request_animation_frame(move || native::focus(&format!("#comment-{comment}-author")));
        }
    });
    let count = move || screen.with(|topic| topic.comments);
    view! {
        <section id="thread" class="thread" aria-labelledby="thread-heading">
            <h2 id="thread-heading">{move || t_args("thread-heading", &[("count", count().into())])}</h2>
            {move || screen.comments.with(Vec::is_empty).then(|| view! { <p class="empty">{tr("thread-empty")}</p> })}
            <ol id="comments" class="comments" class:empty-list=move || screen.comments.with(Vec::is_empty)>
                <For each=move || screen.comments.get() key=drawn_as let:comment>
                    {comment_item(comment, thread, false)}
                </For>
            </ol>
            <MoreButton id="more-comments" label="thread-more" shown=Signal::derive(move || screen.more.with(Option::is_some))
                more=Callback::new(move |_| more_comments(screen))/>
            <p class="visually-hidden" role="status">{move || thread.said.get()}</p>
            <h3 id="comment-form-heading">{tr("thread-write")}</h3>
            <CommentForm thread reply_to=None/>
        </section>
    }
}

/// The discussion's next page, after what is on screen.
fn more_comments(screen: TopicScreen) {
    let Some(after) = screen.more.get_untracked() else { return };
    let session = Session::get();
    let client = session.client();
    screen.more.set(None);
    spawn_local(async move {
        match client.topic_comments(screen.id, &PageQuery::after(Some(&after), None)).await {
            Ok(page) => {
                screen.comments.try_update(|comments| comments.extend(page.comments));
                screen.more.try_set(page.next_after);
            }
            Err(error) => {
                session.on_error(error.code());
                screen.more.try_set(Some(after));
            }
        }
    });
}

/// The replies to `parent` after those shown, into its place in the thread.
fn more_replies(screen: TopicScreen, parent: CommentId, after: CommentId) {
    let session = Session::get();
    let client = session.client();
    spawn_local(async move {
        match client.comment_replies(parent, &PageQuery::after(Some(&after.to_string()), None)).await {
            Ok(page) => {
                screen.comments.try_update(|comments| {
                    if let Some(comment) = comments.iter_mut().find(|comment| comment.id == parent) {
                        let fetched = page.comments.len() as i64;
                        comment.replies.extend(page.comments);
                        comment.more_replies = if page.next_after.is_some() { (comment.more_replies - fetched).max(1) } else { 0 };
                    }
                });
            }
            Err(error) => session.on_error(error.code()),
        }
    });
}

/// One comment (or, with `reply`, one reply), its actions and, under a top-level comment,
/// its replies and the reply field. A plain function: a comment draws its replies with it.
fn comment_item(comment: Comment, thread: ThreadState, reply: bool) -> AnyView {
    let session = Session::get();
    let id = comment.id;
    let author_id = format!("comment-{id}-author");
    let staff = move || session.me().is_some_and(|me| can_invite(me.role));
    let hidden = comment.hidden.is_some();
    let created_at = comment.created_at;
    let speaker = comment.author.clone();
    let author = view! {
        <span class="speaker">{move || speaker_name(&speaker)}</span>
        {comment.author.staff.then(|| view! { " " <span class="tag staff">{tr("topic-staff")}</span> })}
        " " <time class="hint" datetime=created_at.to_rfc3339()>{move || format_datetime(locale(), created_at, session.utc_offset())}</time>
    };
    let heading = if reply {
        view! { <h4 id=author_id.clone() class="comment-author" tabindex="-1">{author}</h4> }.into_any()
    } else {
        view! { <h3 id=author_id.clone() class="comment-author" tabindex="-1">{author}</h3> }.into_any()
    };
    let words = match (&comment.hidden, comment.body.clone()) {
        (Some(why), body) => {
            let reason = why.reason.clone();
            view! {
                <p class="comment-hidden">{move || t_args("comment-hidden", &[("reason", reason.clone().into())])}</p>
                {body.map(|body| view! {
                    <p class="comment-body hidden-original"><span class="hint">{tr("comment-hidden-original")}</span>" "{body}</p>
                })}
            }
            .into_any()
        }
        (None, Some(body)) => view! { <p class="comment-body">{body}</p> }.into_any(),
        (None, None) => ().into_any(),
    };
    let shows_photos = !hidden || comment.body.is_some();
    let images = comment.images.clone();
    let toggle = move |open: RwSignal<Option<CommentId>>, focus: &'static str| {
        move |_| {
            let opening = open.get_untracked() != Some(id);
            thread.replying.set(None);
            thread.hiding.set(None);
            if opening {
                open.set(Some(id));
                request_animation_frame(move || native::focus(focus));
            }
        }
    };
    let replies = comment.replies;
    let more = comment.more_replies;
    let last_reply = replies.last().map(|reply| reply.id);
    let more_described_by = author_id.clone();
    view! {
        <li class="comment" class:reply=reply class:hidden-comment=hidden id=format!("comment-{id}")>
            {heading}
            {words}
            {shows_photos.then(|| view! { <Photos ids=images/> })}
            <div class="comment-actions">
                {(!reply && !hidden).then(|| view! {
                    <button type="button" class="button reply-button" aria-describedby=author_id.clone()
                        aria-expanded=move || (thread.replying.get() == Some(id)).to_string()
                        on:click=toggle(thread.replying, "#reply-body")>
                        {tr("comment-reply")}
                    </button>
                })}
                {move || (staff() && !hidden).then(|| view! {
                    <button type="button" class="button danger hide-button" aria-describedby=author_id.clone()
                        aria-expanded=move || (thread.hiding.get() == Some(id)).to_string()
                        on:click=toggle(thread.hiding, "#hide-reason")>
                        {tr("comment-hide")}
                    </button>
                })}
            </div>
            {move || (thread.hiding.get() == Some(id)).then(|| view! { <HideForm thread id/> })}
            {(!replies.is_empty()).then(|| view! {
                <ol class="replies">
                    {replies.into_iter().map(|reply| comment_item(reply, thread, true)).collect_view()}
                </ol>
            })}
            {last_reply.filter(|_| more > 0).map(|after| view! {
                <button type="button" class="button secondary more-replies" aria-describedby=more_described_by
                    on:click=move |_| more_replies(thread.screen, id, after)>
                    {move || t_args("thread-more-replies", &[("count", more.into())])}
                </button>
            })}
            {move || (thread.replying.get() == Some(id)).then(|| view! { <CommentForm thread reply_to=Some(id)/> })}
        </li>
    }
    .into_any()
}

/// Staff give the reason, in place, and the comment is hidden with it.
#[component]
fn HideForm(thread: ThreadState, id: CommentId) -> impl IntoView {
    let session = Session::get();
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["reason"]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let reason = match validate::hide_reason(&reason.get_untracked()) {
            Ok(reason) => reason,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        form.send(session, busy, async move { client.hide_comment(id, &HideComment { reason }).await }, move |_| {
            thread.done("comment-hidden-done", id)
        });
    };
    view! {
        <form id="hide-form" class="inline-form" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="reason" id="hide-reason" label="comment-hide-reason" value=reason
                autocomplete="off" maxlength=limits::REASON_MAX_CHARS/>
            <div class="form-actions">
                <button type="submit" class="button danger" disabled=move || busy.get()>
                    {move || if busy.get() { t("busy") } else { t("comment-hide-submit") }}
                </button>
                <button type="button" class="button" on:click=move |_| thread.hiding.set(None)>{tr("comment-cancel")}</button>
            </div>
        </form>
    }
}

/// A new comment (at the bottom of the thread) or a reply (under its comment): words and
/// up to four photos.
#[component]
fn CommentForm(thread: ThreadState, reply_to: Option<CommentId>) -> impl IntoView {
    let session = Session::get();
    let (form_id, body_id, images_id, label) = match reply_to {
        None => ("comment-form", "comment-body", "comment-images", "thread-field"),
        Some(_) => ("reply-form", "reply-body", "reply-images", "comment-reply-field"),
    };
    let body = RwSignal::new(String::new());
    let images = RwSignal::new(Vec::<UploadId>::new());
    let uploading = RwSignal::new(0_usize);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["body", "images"]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || uploading.get_untracked() > 0 {
            return;
        }
        let comment = NewComment { body: body.get_untracked(), reply_to, images: images.get_untracked() };
        let comment = match validate::new_comment(&comment) {
            Ok(comment) => comment,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        let topic = thread.screen.id;
        form.send(session, busy, async move { client.comment(topic, &comment).await }, move |posted| {
            busy.set(false);
            body.set(String::new());
            images.set(Vec::new());
            thread.done(if reply_to.is_some() { "comment-reply-done" } else { "thread-posted" }, posted.id);
        });
    };
    let error_id = crate::layout::field_error_id("body");
    view! {
        <form id=form_id class="comment-form" class:inline-form=reply_to.is_some() novalidate on:submit=submit>
            <FormAlert form/>
            <div class="field">
                <label for=body_id>{tr(label)}</label>
                <textarea id=body_id name="body" rows="4" maxlength=limits::COMMENT_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid("body")
                    aria-describedby=move || form.on("body").map(|_| error_id.clone())
                    bind:value=body></textarea>
                <FieldError form field="body"/>
            </div>
            <ImagePicker id=images_id images uploading/>
            <FieldError form field="images"/>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled=move || busy.get() || (uploading.get() > 0)>
                    {move || if busy.get() { t("busy") } else if reply_to.is_some() { t("comment-reply-submit") } else { t("thread-submit") }}
                </button>
                {reply_to.map(|_| view! {
                    <button type="button" class="button" on:click=move |_| thread.replying.set(None)>{tr("comment-cancel")}</button>
                })}
            </div>
        </form>
    }
}
