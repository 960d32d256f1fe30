//! `/notices/new`: staff and property publish a notice (Markdown body), optionally with
//! one of the community's open or scheduled votes, which residents then cast with one tap
//! on the notice itself.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::hall::{Vote, VotePhase};
use linli_api::ids::VoteId;
use linli_api::notices::{limits, NewNotice, NoticeCategory};
use linli_api::{validate, ApiError, ErrorCode};

use super::category_id;
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, FieldError, FormAlert, FormError, Guarded, Hint, Page, TextArea};
use crate::session::{can_publish, Session};

const FIELDS: &[&str] = &["title", "body_markdown", "category", "pinned", "urgent", "vote_id"];

/// The votes a notice may carry: those still to be cast, open ones first, in the order the
/// server lists them.
pub fn attachable_votes(votes: Vec<Vote>) -> Vec<Vote> {
    let (mut open, scheduled): (Vec<_>, Vec<_>) = votes
        .into_iter()
        .filter(|vote| matches!(vote.phase, VotePhase::Open | VotePhase::Scheduled))
        .partition(|vote| vote.phase == VotePhase::Open);
    open.extend(scheduled);
    open
}

/// What the form can tell before asking the server (the server's own checks, from
/// `linli_api::validate`).
pub fn validate_notice(notice: &NewNotice) -> Option<ApiError> {
    validate::new_notice(notice).err()
}

#[component]
pub fn Compose() -> impl IntoView {
    view! {
        <Page back="/notices" title="compose-title">
            <Guarded allow=can_publish>
                <ComposeForm/>
            </Guarded>
        </Page>
    }
}

#[component]
fn ComposeForm() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let category = RwSignal::new(NoticeCategory::Government);
    let pinned = RwSignal::new(false);
    let urgent = RwSignal::new(false);
    let vote_id = RwSignal::new(None::<VoteId>);
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let notice = NewNotice {
            title: title.get_untracked().trim().to_owned(),
            body_markdown: body.get_untracked(),
            category: category.get_untracked(),
            pinned: pinned.get_untracked(),
            urgent: urgent.get_untracked(),
            vote_id: vote_id.get_untracked(),
        };
        if let Some(error) = validate_notice(&notice) {
            form.set(Some(error));
            return;
        }
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.publish_notice(&notice).await }, move |summary| {
            let id = summary.id;
            session.notices.published(summary);
            navigate(&format!("/notices/{id}"), Default::default());
        });
    };

    view! {
        <form id="compose-notice" novalidate on:submit=submit>
            <FormAlert form/>
            <div class="field">
                <label for="compose-title">{tr("field-title")}</label>
                <input id="compose-title" name="title" type="text" required
                    maxlength=limits::TITLE_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid("title")
                    aria-describedby=move || form.described_by("title", None)
                    bind:value=title/>
                <FieldError form field="title"/>
            </div>
            <TextArea form field="body_markdown" id="compose-body" label="field-body" value=body rows=8 required=true
                hint=Hint { id: "compose-body-hint", text: Signal::derive(|| t("field-body-hint")) }/>
            <div class="field">
                <label for="compose-category">{tr("field-category")}</label>
                <select id="compose-category" name="category"
                    on:change=move |ev| {
                        if let Some(value) = NoticeCategory::parse(&event_target_value(&ev)) {
                            category.set(value);
                        }
                    }>
                    {NoticeCategory::ALL.into_iter().map(|value| view! {
                        <option value=value.as_str() prop:selected=move || category.get() == value>
                            {move || t(category_id(value))}
                        </option>
                    }).collect_view()}
                </select>
                <FieldError form field="category"/>
            </div>
            <VoteChoice form vote_id/>
            <div class="check">
                <input id="compose-pinned" name="pinned" type="checkbox" bind:checked=pinned/>
                <label for="compose-pinned">{tr("field-pinned")}</label>
            </div>
            <div class="check">
                <input id="compose-urgent" name="urgent" type="checkbox" aria-describedby="compose-urgent-hint" bind:checked=urgent/>
                <label for="compose-urgent">{tr("field-urgent")}</label>
            </div>
            <p id="compose-urgent-hint" class="hint">{tr("field-urgent-hint")}</p>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("compose-submit") }}
            </button>
        </form>
    }
}

/// Which vote the notice carries: "no vote", or one of the open and scheduled votes.
#[component]
fn VoteChoice(form: FormError, vote_id: RwSignal<Option<VoteId>>) -> impl IntoView {
    let session = Session::get();
    let votes = RwSignal::new(None::<Result<Vec<Vote>, ErrorCode>>);
    let load = move || {
        let client = session.client();
        load_into(session, votes, async move { client.votes().await.map(attachable_votes) });
    };
    load();
    let retry = Callback::new(move |_| load());
    let none_open = move || votes.with(|votes| matches!(votes, Some(Ok(list)) if list.is_empty()));
    view! {
        <div class="field">
            <label for="compose-vote">{tr("field-notice-vote")}</label>
            <select id="compose-vote" name="vote_id"
                aria-invalid=move || form.invalid("vote_id")
                aria-describedby=move || form.described_by("vote_id", Some("compose-vote-hint"))
                on:change=move |ev| vote_id.set(event_target_value(&ev).parse().ok().filter(|id| *id > 0).map(VoteId))>
                <option value="" prop:selected=move || vote_id.get().is_none()>{tr("field-notice-vote-none")}</option>
                {move || votes.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|vote| {
                    let id = vote.id;
                    let scheduled = vote.phase == VotePhase::Scheduled;
                    let question = vote.question;
                    view! {
                        <option value=id.to_string() prop:selected=move || vote_id.get() == Some(id)>
                            {move || match scheduled {
                                true => t_args("field-notice-vote-scheduled", &[("question", question.clone().into())]),
                                false => question.clone(),
                            }}
                        </option>
                    }
                }).collect_view()}
            </select>
            <p id="compose-vote-hint" class="hint">
                {move || if none_open() { t("field-notice-vote-none-open") } else { t("field-notice-vote-hint") }}
            </p>
            <FieldError form field="vote_id"/>
            {move || match votes.get() {
                Some(Err(code)) => Some(view! { <ErrorBox code retry/> }),
                _ => None,
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::ErrorCode;

    fn notice(title: &str, body: &str) -> NewNotice {
        NewNotice {
            title: title.into(),
            body_markdown: body.into(),
            category: NoticeCategory::Activity,
            pinned: false,
            urgent: false,
            vote_id: None,
        }
    }

    #[test]
    fn a_notice_needs_a_title_and_a_body() {
        assert_eq!(validate_notice(&notice(" ", "x")).unwrap().field.as_deref(), Some("title"));
        assert_eq!(validate_notice(&notice("x", "")).unwrap().field.as_deref(), Some("body_markdown"));
        assert_eq!(validate_notice(&notice("停水通知", "明天停水。")), None);
    }

    fn vote(id: i64, phase: VotePhase) -> Vote {
        let at = "2026-11-23T08:00:00Z".parse().unwrap();
        Vote {
            id: VoteId(id),
            question: format!("vote {id}"),
            description: String::new(),
            kind: linli_api::hall::VoteKind::YesNoAbstain,
            options: vec![],
            max_choices: 1,
            eligibility: linli_api::hall::Eligibility::Residents,
            matter: None,
            secret: false,
            final_on_cast: false,
            opens_at: at,
            closes_at: at,
            phase,
            can_vote: false,
            my_ballot: None,
            tally: linli_api::hall::Tally { ballots: 0, eligible: 0, counts: vec![], owners: None },
            topic_id: None,
        }
    }

    #[test]
    fn a_notice_carries_open_votes_first_then_scheduled_ones_never_closed_ones() {
        let votes = vec![vote(1, VotePhase::Scheduled), vote(2, VotePhase::Closed), vote(3, VotePhase::Open), vote(4, VotePhase::Open)];
        let ids: Vec<i64> = attachable_votes(votes).iter().map(|vote| vote.id.0).collect();
        assert_eq!(ids, [3, 4, 1]);
    }

    #[test]
    fn an_overlong_title_is_refused_before_sending() {
        let long = "字".repeat(limits::TITLE_MAX_CHARS + 1);
        assert_eq!(validate_notice(&notice(&long, "x")).unwrap().code, ErrorCode::FieldTooLong);
    }
}
