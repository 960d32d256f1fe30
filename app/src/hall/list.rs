//! `/hall`: votes, open ones first with time left, my ballot, the live count, and for a
//! yes/no/abstain vote the three answers right here: one tap, then "counted". Below them,
//! the topics (`topics.rs`).

use leptos::prelude::*;
use linli_api::hall::{Vote, VoteKind, VotePhase};
use linli_api::ids::UserId;
use linli_api::ErrorCode;

use super::{cast, option_text, time_left_text};
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
use crate::session::{can_invite, is_member, Session};

#[component]
pub fn HallPage() -> impl IntoView {
    view! {
        <Page back="/" title="hall-title">
            <Guarded allow=is_member>
                <section id="hall-votes" aria-labelledby="votes-heading">
                    <h2 id="votes-heading">{tr("hall-votes-heading")}</h2>
                    <Votes/>
                </section>
                <super::topics::Topics/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Votes() -> impl IntoView {
    let session = Session::get();
    let votes = RwSignal::new(None::<Result<Vec<Vote>, ErrorCode>>);
    let load = move || {
        let client = session.client();
        load_into(session, votes, async move { client.votes().await });
    };
    // Each card follows its own live count and ballot; the list itself loads once, so a
    // live update never re-creates the cards (and loses a ballot just cast).
    load();
    let staff = move || session.me().is_some_and(|me| can_invite(me.role));
    let retry = Callback::new(move |_| load());
    view! {
        {move || staff().then(|| view! { <a id="new-vote" class="button primary" href="/hall/new">{tr("hall-new-link")}</a> })}
        {move || match votes.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{tr("hall-none")}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul id="votes" class="vote-list">
                    {list.into_iter().map(|vote| view! { <VoteCard vote/> }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}

/// One vote in a list, answerable with one tap; with `acting_for`, a family proxy's card
/// for that resident (no link to the vote page, which is the resident's own).
#[component]
pub fn VoteCard(vote: Vote, #[prop(optional)] acting_for: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let id = vote.id;
    let client = move || match acting_for {
        Some(resident) => session.client().acting_for(resident),
        None => session.client(),
    };
    let vote = RwSignal::new(Some(vote));
    let failed = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    // The live count keeps the card current while the list is open.
    super::follow_tally(session, vote, client);
    let current = move || vote.get().expect("a card always has its vote");
    let one_tap = move || {
        let vote = current();
        (vote.kind == VoteKind::YesNoAbstain && vote.can_vote && vote.my_ballot.is_none()).then_some(vote)
    };
    let tap = move |choice: u32| {
        busy.set(true);
        cast(session, client(), &current(), vec![choice], move |counted| {
            busy.set(false);
            vote.set(Some(counted));
        }, failed);
    };
    Effect::new(move |_| {
        if failed.get().is_some() {
            busy.set(false);
        }
    });
    view! {
        <li class="vote-card" id=format!("vote-{id}")>
            {match acting_for {
                None => view! { <a class="vote-question" href=format!("/hall/votes/{id}")>{move || current().question}</a> }.into_any(),
                Some(_) => view! { <p class="vote-question">{move || current().question}</p> }.into_any(),
            }}
            <p class="hint">{move || {
                let vote = current();
                match vote.phase {
                    VotePhase::Open => time_left_text(vote.closes_at),
                    VotePhase::Scheduled => t("hall-scheduled"),
                    VotePhase::Closed => t("hall-closed"),
                }
            }}</p>
            <p class="my-ballot" role="status">{move || {
                let vote = current();
                match &vote.my_ballot {
                    Some(ballot) => {
                        let counted = t_args("hall-counted", &[
                            ("choice", ballot.choices.iter().map(|c| option_text(&vote, *c)).collect::<Vec<_>>().join(&t("list-separator")).into()),
                            ("receipt", ballot.receipt.clone().into()),
                        ]);
                        match &ballot.proxy_name {
                            Some(name) => format!("{counted} {}", t_args("hall-cast-by-proxy", &[("name", name.clone().into())])),
                            None => counted,
                        }
                    }
                    None if vote.can_vote => t("hall-not-voted"),
                    None => String::new(),
                }
            }}</p>
            {move || one_tap().map(|vote| view! {
                <div class="one-tap" role="group" aria-label=vote.question.clone()>
                    {(0..3u32).map(|choice| view! {
                        <button type="button" class="button" class:primary=choice == 0
                            id=format!("vote-{id}-{choice}") disabled=move || busy.get()
                            on:click=move |_| tap(choice)>
                            {option_text(&vote, choice)}
                        </button>
                    }).collect_view()}
                </div>
            })}
            {move || failed.get().map(|code| view! { <ErrorBox code/> })}
            <p class="turnout">{move || {
                let vote = current();
                t_args("hall-turnout", &[("ballots", vote.tally.ballots.into()), ("eligible", vote.tally.eligible.into())])
            }}</p>
        </li>
    }
}
