//! `/hall/votes/:id`: the question (read aloud on request), the ballot panel, my counted
//! ballot with its receipt, and the live tally.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::hall::{Vote, VoteKind, VotePhase};
use linli_api::ids::VoteId;
use linli_api::ErrorCode;

use super::export::StaffTools;
use super::tally::TallyView;
use super::{cast, option_count, option_text, time_left_text};
use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, Guarded, Loading, Page};
use crate::session::{is_member, Session};
use crate::speech::{html_to_text, reading_text, ReadAloud};

/// The result in words: turnout, each option's count, and an owners' decision.
pub fn result_text(vote: &Vote) -> String {
    let turnout = t_args("hall-turnout", &[("ballots", vote.tally.ballots.into()), ("eligible", vote.tally.eligible.into())]);
    let counts: Vec<String> = (0..option_count(vote))
        .map(|index| {
            let count = vote.tally.counts.get(index as usize).copied().unwrap_or(0);
            let share = super::tally::percent(count, vote.tally.ballots);
            format!("{} {}", option_text(vote, index), t_args("hall-option-count", &[("count", count.into()), ("percent", share.into())]))
        })
        .collect();
    let mut parts = vec![turnout, counts.join(&t("list-separator"))];
    if let Some(decision) = &vote.tally.owners {
        parts.extend(decision.thresholds.iter().map(super::tally::threshold_text));
        parts.push(t(if decision.approved { "hall-owners-approved" } else { "hall-owners-not-approved" }));
    }
    parts.join("\n")
}

pub fn parse_vote_id(raw: Option<String>) -> Option<VoteId> {
    raw?.parse().ok().filter(|id| *id > 0).map(VoteId)
}

#[component]
pub fn VotePage() -> impl IntoView {
    view! {
        <Page back="/hall">
            <Guarded allow=is_member>
                <VoteView/>
            </Guarded>
        </Page>
    }
}

#[component]
fn VoteView() -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let vote = RwSignal::new(None::<Vote>);
    let failed = RwSignal::new(None::<ErrorCode>);
    let load = move || {
        let Some(id) = parse_vote_id(params.read_untracked().get("id")) else {
            failed.set(Some(ErrorCode::NotFound));
            return;
        };
        let client = session.client();
        leptos::task::spawn_local(async move {
            match client.vote(id).await {
                Ok(loaded) => vote.set(Some(loaded)),
                Err(error) => {
                    session.on_error(error.code());
                    failed.set(Some(error.code()));
                }
            }
        });
    };
    load();
    super::follow_tally(session, vote, move || session.client());
    let retry = Callback::new(move |_| {
        failed.set(None);
        load()
    });
    move || match (vote.get(), failed.get()) {
        (Some(_), _) => view! { <Loaded vote/> }.into_any(),
        (None, Some(code)) => view! { <h1>{tr("hall-title")}</h1><ErrorBox code retry/> }.into_any(),
        (None, None) => view! { <h1>{tr("hall-title")}</h1><Loading/> }.into_any(),
    }
}

#[component]
fn Loaded(vote: RwSignal<Option<Vote>>) -> impl IntoView {
    let session = Session::get();
    let current = Signal::derive(move || vote.get().expect("loaded"));
    let failed = RwSignal::new(None::<ErrorCode>);
    let chosen = RwSignal::new(Vec::<u32>::new());
    let submit = move |choices: Vec<u32>| {
        cast(session, session.client(), &current.get_untracked(), choices, move |counted| vote.set(Some(counted)), failed);
    };
    // The question, its options and the result so far, in the reader's language.
    let reading = Signal::derive(move || {
        let vote = current.get();
        let options: Vec<String> = (0..option_count(&vote)).map(|i| option_text(&vote, i)).collect();
        reading_text(&[&vote.question, &html_to_text(&vote.description), &options.join(&t("list-separator")), &result_text(&vote)])
    });
    let id = move || current.get().id;
    let vote_id = current.get_untracked().id;
    view! {
        <article id="vote" data-vote-id=move || id().to_string()>
            <h1>{move || current.get().question}</h1>
            <ReadAloud text=reading/>
            <p class="hint">{move || {
                let vote = current.get();
                let when = match vote.phase {
                    VotePhase::Open => time_left_text(vote.closes_at),
                    VotePhase::Scheduled => t("hall-scheduled"),
                    VotePhase::Closed => t("hall-closed"),
                };
                if vote.secret { format!("{when} · {}", t("hall-secret")) } else { when }
            }}</p>
            // Rendered from Markdown and sanitised by the server.
            {move || {
                let description = current.get().description;
                (!description.trim().is_empty()).then(|| view! { <div class="notice-body" inner_html=description></div> })
            }}
            <p class="my-ballot" id="my-ballot" role="status">{move || {
                let vote = current.get();
                vote.my_ballot.as_ref().map(|ballot| {
                    let choice = ballot.choices.iter().map(|c| option_text(&vote, *c)).collect::<Vec<_>>().join(&t("list-separator"));
                    let counted = t_args("hall-counted", &[("choice", choice.into()), ("receipt", ballot.receipt.clone().into())]);
                    match &ballot.proxy_name {
                        Some(name) => format!("{counted} {}", t_args("hall-cast-by-proxy", &[("name", name.clone().into())])),
                        None => counted,
                    }
                })
            }}</p>
            {move || failed.get().map(|code| view! { <ErrorBox code/> })}
            {move || {
                let vote = current.get();
                let may_change = vote.my_ballot.is_none() || !vote.final_on_cast;
                (vote.can_vote && may_change).then(|| match vote.kind {
                    VoteKind::Multiple => view! {
                        <fieldset class="grants ballot-panel">
                            <legend>{t_args("hall-choose-up-to", &[("max", vote.max_choices.into())])}</legend>
                            {(0..option_count(&vote)).map(|index| {
                                let input = format!("option-{index}");
                                view! {
                                    <div class="check">
                                        <input type="checkbox" id=input.clone()
                                            prop:checked=move || chosen.with(|c| c.contains(&index))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                chosen.update(|c| { c.retain(|i| *i != index); if on { c.push(index); } });
                                            }/>
                                        <label for=input>{option_text(&vote, index)}</label>
                                    </div>
                                }
                            }).collect_view()}
                            <button type="button" class="button primary" id="cast" on:click=move |_| submit(chosen.get_untracked())>
                                {tr("hall-cast")}
                            </button>
                        </fieldset>
                    }.into_any(),
                    _ => view! {
                        <div class="one-tap ballot-panel" role="group" aria-labelledby="vote-panel-label">
                            <p id="vote-panel-label">{tr("hall-tap-to-vote")}</p>
                            {(0..option_count(&vote)).map(|index| view! {
                                <button type="button" class="button" id=format!("option-{index}") on:click=move |_| submit(vec![index])>
                                    {option_text(&vote, index)}
                                </button>
                            }).collect_view()}
                        </div>
                    }.into_any(),
                })
            }}
            <TallyView vote=current/>
            <StaffTools id=vote_id/>
            {move || current.get().topic_id.map(|topic| view! {
                <p><a class="button" id="vote-topic-link" href=format!("/hall/topics/{topic}")>{tr("hall-vote-topic-link")}</a></p>
            })}
            <p><a class="button" id="record-link" href=move || format!("/hall/votes/{}/record", id())>{tr("hall-record-link")}</a></p>
        </article>
    }
}
