//! The topics (议题) on `/hall`, below the votes: residents' proposals still gathering
//! support first (how many households of how many, days left), then every topic newest
//! first, a page at a time, each with its state (a badge when it has a vote).
//! Also the words and the progress bar the topic page shares.

use leptos::prelude::*;
use linli_api::auth::Role;
use linli_api::paging::PageQuery;
use linli_api::topics::{Speaker, Support, Topic, TopicState};

use super::time_left_text;
use crate::i18n::{t, t_args, tr};
use crate::layout::icons::{self, icon};
use crate::layout::{ErrorBox, ListPage, Loading, MoreButton, Pages};
use crate::session::{can_invite, Session};

/// Whether a role may start a topic: residents propose, staff open.
pub fn may_start_topic(role: Role) -> bool {
    role == Role::Resident || can_invite(role)
}

/// Who said something, in words: a resident's masked name and building, or staff's name
/// and that they are staff.
pub fn speaker_text(speaker: &Speaker) -> String {
    if speaker.staff {
        return t_args("topic-speaker-staff", &[("name", speaker.name.clone().into())]);
    }
    speaker_name(speaker)
}

/// A speaker's name (with a resident's building), where a "staff" tag follows for staff.
pub fn speaker_name(speaker: &Speaker) -> String {
    match &speaker.building {
        Some(building) if !speaker.staff => t_args(
            "topic-speaker-building",
            &[("name", speaker.name.clone().into()), ("building", building.clone().into())],
        ),
        _ => speaker.name.clone(),
    }
}

/// The Fluent id of a state's word.
pub fn state_id(state: TopicState) -> &'static str {
    match state {
        TopicState::Proposed => "topic-state-proposed",
        TopicState::Discussion => "topic-state-discussion",
        TopicState::Concluded => "topic-state-concluded",
        TopicState::Lapsed => "topic-state-lapsed",
    }
}

/// The list as shown: the proposals gathering support, then the other topics in the
/// server's order (a gathering proposal is not listed twice).
pub fn listed(gathering: &[Topic], topics: &[Topic]) -> Vec<Topic> {
    let leading: Vec<_> = gathering.iter().map(|topic| topic.id).collect();
    gathering.iter().chain(topics.iter().filter(|topic| !leading.contains(&topic.id))).cloned().collect()
}

/// "12 / 20 households support it".
pub fn support_text(support: &Support) -> String {
    t_args("topic-support-count", &[("households", support.households.into()), ("needed", support.needed.into())])
}

/// Support as a bar with its words for screen readers, and the words for everyone.
#[component]
pub fn SupportProgress(#[prop(into)] support: Signal<Support>) -> impl IntoView {
    let text = move || support.with(support_text);
    let share = move || support.with(|s| super::tally::percent(s.households.min(s.needed), s.needed));
    view! {
        <div class="support-progress">
            <p class="support-count">{text}</p>
            <div class="support-bar" role="progressbar" aria-valuemin="0"
                aria-valuemax=move || support.with(|s| s.needed.to_string())
                aria-valuenow=move || support.with(|s| s.households.min(s.needed).to_string())
                aria-valuetext=text aria-label=move || t("topic-support-bar")>
                <span style=move || format!("width:{}%", share())></span>
            </div>
        </div>
    }
}

/// The topics section of the hall.
#[component]
pub fn Topics() -> impl IntoView {
    let session = Session::get();
    let pages: Pages<Topic> = Pages::new();
    let gathering = RwSignal::new(Vec::<Topic>::new());
    let load = move |from_start: bool| {
        pages.load(session, from_start, move |client, after| async move {
            let first = after.is_none();
            let page = client.topics(&PageQuery::after(after.as_deref(), None)).await?;
            if first {
                gathering.try_set(page.gathering);
            }
            Ok(ListPage { items: page.topics, next: page.next_after, total: None })
        })
    };
    load(true);
    let retry = Callback::new(move |_| load(true));
    let more = Callback::new(move |_| load(false));
    let start_link = move || {
        let role = session.me()?.role;
        let label = if can_invite(role) { "topics-open-link" } else { "topics-propose-link" };
        may_start_topic(role).then(|| view! { <a id="new-topic" class="button" href="/hall/topics/new">{tr(label)}</a> })
    };
    let shown = move || gathering.with(|gathering| pages.items.with(|topics| listed(gathering, topics)));
    let first_load = move || pages.loading() && pages.items.with(Vec::is_empty);
    view! {
        <section id="topics" class="topics" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{tr("topics-heading")}</h2>
            {start_link}
            {move || first_load().then(|| view! { <Loading/> })}
            {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
            {move || pages.is_empty().then(|| gathering.with(Vec::is_empty).then(|| view! { <p class="empty">{tr("topics-none")}</p> }))}
            <ul id="topic-list" class="topic-list">
                <For each=shown key=|topic| (topic.id, state_id(topic.state), topic.comments, topic.support.as_ref().map(|s| s.households)) let:topic>
                    <TopicCard topic/>
                </For>
            </ul>
            <MoreButton id="more-topics" label="topics-more" shown=Signal::derive(move || pages.has_more()) more/>
        </section>
    }
}

#[component]
fn TopicCard(topic: Topic) -> impl IntoView {
    let id = topic.id;
    let state = topic.state;
    let has_vote = topic.vote_id.is_some();
    let comments = topic.comments;
    let author = topic.author.clone();
    let support = topic.support.clone().filter(|_| state == TopicState::Proposed);
    view! {
        <li class="topic-card" id=format!("topic-{id}") class:lapsed=state == TopicState::Lapsed>
            <a class="topic-title" href=format!("/hall/topics/{id}")>{topic.title}</a>
            <p class="topic-tags">
                <span class="tag">{move || t(state_id(state))}</span>
                {has_vote.then(|| view! { <span class="tag vote-badge">{icon(icons::VOTE)}{tr("topic-has-vote")}</span> })}
            </p>
            {support.map(|support| {
                let deadline = support.deadline;
                view! {
                    <SupportProgress support=Signal::stored(support)/>
                    <p class="hint">{move || time_left_text(deadline)}</p>
                }
            })}
            <p class="hint">
                {move || speaker_text(&author)}" · "
                {move || t_args("topic-comments", &[("count", comments.into())])}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::ids::TopicId;

    fn topic(id: i64, state: TopicState) -> Topic {
        Topic {
            id: TopicId(id),
            title: format!("topic {id}"),
            body_html: String::new(),
            images: vec![],
            author: Speaker { name: "陈**".into(), building: Some("3栋".into()), staff: false },
            created_at: Utc::now(),
            state,
            support: None,
            vote_id: None,
            follow_up: None,
            comments: 0,
        }
    }

    #[test]
    fn gathering_proposals_lead_and_are_not_listed_twice() {
        use TopicState::*;
        let gathering = [topic(6, Proposed), topic(3, Proposed)];
        let topics = [topic(7, Discussion), topic(6, Proposed), topic(5, Lapsed), topic(3, Proposed), topic(1, Concluded)];
        let ids: Vec<i64> = listed(&gathering, &topics).iter().map(|t| t.id.0).collect();
        assert_eq!(ids, [6, 3, 7, 5, 1]);
    }

    #[test]
    fn speakers_are_named_with_their_building_or_as_staff() {
        let resident = Speaker { name: "陈**".into(), building: Some("3栋".into()), staff: false };
        let staff = Speaker { name: "李主任".into(), building: None, staff: true };
        assert_eq!(speaker_text(&resident), "陈**（3栋）");
        assert_eq!(speaker_text(&staff), "李主任（工作人员）");
        // Beside a "staff" tag, the name alone.
        assert_eq!(speaker_name(&staff), "李主任");
        assert_eq!(speaker_name(&resident), "陈**（3栋）");
    }

    #[test]
    fn residents_propose_and_staff_open_topics() {
        assert!(may_start_topic(Role::Resident) && may_start_topic(Role::Staff) && may_start_topic(Role::Admin));
        assert!(!may_start_topic(Role::Merchant) && !may_start_topic(Role::Family) && !may_start_topic(Role::Property));
    }
}
