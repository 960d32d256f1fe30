//! `/hall/new` (staff): open a vote, now or at a date and time, closing a number of days
//! after it opens or at a date and time (`schedule`: times in the community's zone).

pub(crate) mod schedule;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use linli_api::hall::{Eligibility, Matter, NewVote, VoteKind};
use linli_api::ids::TopicId;

use super::parse_topic_id;
use crate::i18n::{t, t_args, tr};
use crate::layout::{FieldError, FormAlert, FormError, Guarded, Page, TextField};
use crate::session::{can_invite, Session};
use schedule::{Schedule, ScheduleFields};

const FIELDS: &[&str] = &["question", "description", "options", "max_choices", "matter", "opens_at", "closes_at"];

fn matter_id(matter: Matter) -> &'static str {
    match matter {
        Matter::AssemblyRules => "matter-assembly-rules",
        Matter::ManagementRules => "matter-management-rules",
        Matter::OwnersCommittee => "matter-owners-committee",
        Matter::PropertyCompany => "matter-property-company",
        Matter::UseMaintenanceFund => "matter-use-maintenance-fund",
        Matter::RaiseMaintenanceFund => "matter-raise-maintenance-fund",
        Matter::Rebuilding => "matter-rebuilding",
        Matter::CommonPartsUse => "matter-common-parts-use",
        Matter::OtherMajor => "matter-other-major",
    }
}

#[component]
pub fn NewVotePage() -> impl IntoView {
    let query = use_query_map();
    let topic = parse_topic_id(query.read_untracked().get("topic"));
    let back = topic.map(|id| format!("/hall/topics/{id}")).unwrap_or_else(|| "/hall".into());
    view! {
        <Page back title="hall-new-title">
            <Guarded allow=can_invite>
                <NewVoteForm topic/>
            </Guarded>
        </Page>
    }
}

#[component]
fn NewVoteForm(
    /// The topic whose vote this is, if any.
    topic: Option<TopicId>,
) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let question = RwSignal::new(String::new());
    // For a topic's vote: its title, which also starts as the question.
    let topic_title = RwSignal::new(None::<String>);
    if let Some(id) = topic {
        let client = session.client();
        leptos::task::spawn_local(async move {
            if let Ok(thread) = client.topic(id).await {
                if question.get_untracked().is_empty() {
                    question.try_set(thread.topic.title.clone());
                }
                topic_title.try_set(Some(thread.topic.title));
            }
        });
    }
    let description = RwSignal::new(String::new());
    let kind = RwSignal::new(VoteKind::YesNoAbstain);
    let options = RwSignal::new(String::new());
    let max_choices = RwSignal::new("2".to_owned());
    let eligibility = RwSignal::new(Eligibility::Residents);
    let matter = RwSignal::new(Matter::OtherMajor);
    let secret = RwSignal::new(false);
    let final_on_cast = RwSignal::new(false);
    let schedule = Schedule::new();
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);
    let is_owners_question = move || eligibility.get() == Eligibility::Owners && kind.get() == VoteKind::YesNoAbstain;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some((opens_at, closes_at)) = schedule.times(form, untrack(|| session.utc_offset()), crate::native::now()) else {
            return;
        };
        let kind_now = kind.get_untracked();
        let vote = NewVote {
            question: question.get_untracked(),
            description: description.get_untracked(),
            kind: kind_now,
            options: if kind_now == VoteKind::YesNoAbstain {
                vec![]
            } else {
                options.get_untracked().lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
            },
            max_choices: (kind_now == VoteKind::Multiple).then(|| max_choices.get_untracked().trim().parse().unwrap_or(0)),
            eligibility: eligibility.get_untracked(),
            matter: is_owners_question().then(|| matter.get_untracked()),
            secret: secret.get_untracked(),
            final_on_cast: final_on_cast.get_untracked(),
            opens_at,
            closes_at,
        };
        let client = session.client();
        let navigate = navigate.clone();
        match topic {
            Some(id) => form.send(session, busy, async move { client.open_topic_vote(id, &vote).await }, move |_| {
                navigate(&format!("/hall/topics/{id}"), Default::default());
            }),
            None => form.send(session, busy, async move { client.create_vote(&vote).await }, move |created| {
                navigate(&format!("/hall/votes/{}", created.id), Default::default());
            }),
        }
    };

    let kinds = [(VoteKind::YesNoAbstain, "hall-kind-yes-no"), (VoteKind::Single, "hall-kind-single"), (VoteKind::Multiple, "hall-kind-multiple")];
    let eligibilities = [
        (Eligibility::Residents, "hall-eligibility-residents"),
        (Eligibility::Households, "hall-eligibility-households"),
        (Eligibility::Owners, "hall-eligibility-owners"),
    ];
    view! {
        <form id="new-vote-form" novalidate on:submit=submit>
            {move || topic_title.get().map(|title| view! {
                <p class="summary" id="vote-topic">{move || t_args("hall-new-for-topic", &[("title", title.clone().into())])}</p>
            })}
            <FormAlert form/>
            <TextField form field="question" id="vote-question" label="hall-field-question" value=question autocomplete="off"/>
            <div class="field">
                <label for="vote-description">{tr("hall-field-description")}</label>
                <textarea id="vote-description" name="description" rows="4" bind:value=description></textarea>
                <FieldError form field="description"/>
            </div>
            <div class="field">
                <label for="vote-kind">{tr("hall-field-kind")}</label>
                <select id="vote-kind" name="kind" on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some((k, _)) = kinds.iter().find(|(_, id)| *id == picked) { kind.set(*k) }
                }>
                    {kinds.map(|(k, id)| view! { <option value=id prop:selected=move || kind.get() == k>{move || t(id)}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || kind.get() != VoteKind::YesNoAbstain>
                <div class="field">
                    <label for="vote-options">{tr("hall-field-options")}</label>
                    <textarea id="vote-options" name="options" rows="4" aria-describedby="vote-options-hint" bind:value=options></textarea>
                    <p id="vote-options-hint" class="hint">{tr("hall-field-options-hint")}</p>
                    <FieldError form field="options"/>
                </div>
            </Show>
            <Show when=move || kind.get() == VoteKind::Multiple>
                <TextField form field="max_choices" id="vote-max" label="hall-field-max" value=max_choices kind="number"/>
            </Show>
            <div class="field">
                <label for="vote-eligibility">{tr("hall-field-eligibility")}</label>
                <select id="vote-eligibility" name="eligibility" on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some((e, _)) = eligibilities.iter().find(|(_, id)| *id == picked) { eligibility.set(*e) }
                }>
                    {eligibilities.map(|(e, id)| view! { <option value=id prop:selected=move || eligibility.get() == e>{move || t(id)}</option> }).collect_view()}
                </select>
            </div>
            <Show when=is_owners_question>
                <div class="field">
                    <label for="vote-matter">{tr("hall-field-matter")}</label>
                    <select id="vote-matter" name="matter" on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(m) = Matter::ALL.into_iter().find(|m| matter_id(*m) == picked) { matter.set(m) }
                    }>
                        {Matter::ALL.map(|m| view! { <option value=matter_id(m) prop:selected=move || matter.get() == m>{move || t(matter_id(m))}</option> }).collect_view()}
                    </select>
                    <FieldError form field="matter"/>
                </div>
            </Show>
            <ScheduleFields form schedule/>
            <div class="check">
                <input id="vote-secret" name="secret" type="checkbox" bind:checked=secret/>
                <label for="vote-secret">{tr("hall-field-secret")}</label>
            </div>
            <div class="check">
                <input id="vote-final" name="final_on_cast" type="checkbox" bind:checked=final_on_cast/>
                <label for="vote-final">{tr("hall-field-final")}</label>
            </div>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("hall-new-submit") }}
            </button>
        </form>
    }
}
