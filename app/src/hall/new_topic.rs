//! `/hall/topics/new`: a resident proposes a topic (it needs N households' support within
//! D days to go to a vote, as the community's rules say); staff open one for discussion.
//! Title, text and up to four photos. Below, staff set those rules for residents' proposals.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::ids::UploadId;
use linli_api::topics::{limits, NewTopic, ProposalRules};
use linli_api::{validate, ApiError, ErrorCode};

use super::images::ImagePicker;
use super::topics::may_start_topic;
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, FieldError, FormAlert, FormError, Guarded, Hint, Loaded, Page, TextArea, TextField};
use crate::session::{can_invite, Session};

#[component]
pub fn NewTopicPage() -> impl IntoView {
    view! {
        <Page back="/hall">
            <Guarded allow=may_start_topic>
                <NewTopic/>
            </Guarded>
        </Page>
    }
}

/// The rules in one sentence: how many households, within how many days, then a vote of
/// how many days.
fn rules_text(rules: &ProposalRules) -> String {
    t_args(
        "topic-new-rules",
        &[
            ("households", rules.support_households.into()),
            ("days", rules.support_days.into()),
            ("vote_days", rules.vote_days.into()),
        ],
    )
}

#[component]
fn NewTopic() -> impl IntoView {
    let session = Session::get();
    let staff = session.me().is_some_and(|me| can_invite(me.role));
    let rules: Loaded<ProposalRules> = RwSignal::new(None);
    let load_rules = move || {
        let client = session.client();
        load_into(session, rules, async move { client.proposal_rules().await });
    };
    load_rules();
    let retry = Callback::new(move |_| load_rules());
    // Whether the rules arrived: saving them again does not re-draw their form.
    let loaded = Memo::new(move |_| rules.with(|r| r.as_ref().map(|r| r.as_ref().map(|_| ()).map_err(|code| *code))));
    view! {
        <h1>{tr(if staff { "topic-new-title-staff" } else { "topic-new-title-resident" })}</h1>
        {if staff {
            view! { <p class="summary">{tr("topic-new-intro-staff")}</p> }.into_any()
        } else {
            view! {
                <p class="summary" id="proposal-rules">{move || match rules.get() {
                    Some(Ok(rules)) => rules_text(&rules),
                    _ => t("topic-new-intro-resident"),
                }}</p>
            }.into_any()
        }}
        <TopicForm staff/>
        {staff.then(|| view! {
            <section id="rules" aria-labelledby="rules-heading">
                <h2 id="rules-heading">{tr("rules-heading")}</h2>
                {move || match loaded.get() {
                    None => ().into_any(),
                    Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                    Some(Ok(())) => {
                        let current = rules.get_untracked().and_then(Result::ok).unwrap_or_default();
                        view! { <RulesForm current rules/> }.into_any()
                    }
                }}
            </section>
        })}
    }
}

#[component]
fn TopicForm(staff: bool) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let images = RwSignal::new(Vec::<UploadId>::new());
    let uploading = RwSignal::new(0_usize);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["title", "body", "images"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || uploading.get_untracked() > 0 {
            return;
        }
        let topic = NewTopic { title: title.get_untracked(), body: body.get_untracked(), images: images.get_untracked(), vote: None };
        let topic = match validate::new_topic(&topic) {
            Ok(topic) => topic,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.create_topic(&topic).await }, move |created| {
            navigate(&format!("/hall/topics/{}", created.id), Default::default());
        });
    };
    view! {
        <form id="new-topic-form" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="title" id="topic-title" label="topic-field-title" value=title
                autocomplete="off" maxlength=limits::TITLE_MAX_CHARS/>
            <TextArea form field="body" id="topic-body" label="topic-field-body" value=body rows=6
                hint=Hint { id: "topic-body-hint", text: Signal::derive(|| t("topic-field-body-hint")) }/>
            <ImagePicker id="topic-images" images uploading/>
            <FieldError form field="images"/>
            <button type="submit" class="button primary" disabled=move || busy.get() || (uploading.get() > 0)>
                {move || if busy.get() { t("busy") } else if staff { t("topic-new-submit-staff") } else { t("topic-new-submit-resident") }}
            </button>
        </form>
    }
}

const RULE_FIELDS: &[&str] = &["support_households", "support_days", "vote_days"];

/// A whole number typed in a field, or the error that says it is not one.
fn whole_number(raw: &str, field: &str) -> Result<u32, ApiError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, field));
    }
    raw.parse().map_err(|_| ApiError::on_field(ErrorCode::InvalidValue, field))
}

/// A labelled field for a whole number (the numeric keypad on phones).
#[component]
fn NumberField(form: FormError, field: &'static str, id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input id=id name=field type="text" inputmode="numeric" autocomplete="off" required
                aria-invalid=move || form.invalid(field)
                aria-describedby=move || form.described_by(field, None)
                bind:value=value/>
            <FieldError form field/>
        </div>
    }
}

/// Staff set how many households a proposal needs, within how many days, and how long its
/// vote stays open.
#[component]
fn RulesForm(current: ProposalRules, rules: Loaded<ProposalRules>) -> impl IntoView {
    let session = Session::get();
    let households = RwSignal::new(current.support_households.to_string());
    let support_days = RwSignal::new(current.support_days.to_string());
    let vote_days = RwSignal::new(current.vote_days.to_string());
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let form = FormError::new(RULE_FIELDS);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let parsed = (|| {
            let wanted = ProposalRules {
                support_households: whole_number(&households.get_untracked(), "support_households")?,
                support_days: whole_number(&support_days.get_untracked(), "support_days")?,
                vote_days: whole_number(&vote_days.get_untracked(), "vote_days")?,
            };
            validate::proposal_rules(&wanted)
        })();
        let wanted = match parsed {
            Ok(wanted) => wanted,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        form.send(session, busy, async move { client.set_proposal_rules(&wanted).await }, move |stored| {
            busy.set(false);
            saved.set(true);
            // The sentence at the top follows; the form keeps what was typed.
            rules.set(Some(Ok(stored)));
        });
    };
    view! {
        <form id="rules-form" novalidate on:submit=submit>
            <p class="hint">{tr("rules-intro")}</p>
            <FormAlert form/>
            <NumberField form field="support_households" id="rules-households" label="rules-households" value=households/>
            <NumberField form field="support_days" id="rules-support-days" label="rules-support-days" value=support_days/>
            <NumberField form field="vote_days" id="rules-vote-days" label="rules-vote-days" value=vote_days/>
            <p class="done" role="status">{move || saved.get().then(|| t("rules-saved"))}</p>
            <button type="submit" class="button" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("rules-submit") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_fields_take_whole_numbers_only() {
        assert_eq!(whole_number(" 20 ", "support_households"), Ok(20));
        assert_eq!(whole_number("", "vote_days"), Err(ApiError::on_field(ErrorCode::FieldRequired, "vote_days")));
        for bad in ["-1", "2.5", "二十"] {
            assert_eq!(whole_number(bad, "support_days"), Err(ApiError::on_field(ErrorCode::InvalidValue, "support_days")));
        }
    }
}
