//! Staff on a campaign's page, before its cut-off: pause it (orders stay, no new ones are
//! taken), resume it, or withdraw it (final: every order is void, so confirmed in place).
//! A pause or a withdrawal needs a reason, which residents read on the campaign.

use leptos::prelude::*;
use linli_api::groceries::{CampaignPhase, CampaignStanding, SetCampaignStanding};
use linli_api::validate;

use super::campaign::CampaignScreen;
use super::focus_soon;
use crate::i18n::{t, tr};
use crate::layout::{FormAlert, FormError, Hint, TextArea};
use crate::session::Session;

/// Whether staff may still change a campaign's standing (the server refuses after the
/// cut-off and once it is withdrawn).
pub fn may_change_standing(phase: CampaignPhase, before_cut_off: bool) -> bool {
    before_cut_off && matches!(phase, CampaignPhase::Open | CampaignPhase::Paused)
}

/// The Fluent id of what staff just did, said back to them.
fn done_id(standing: CampaignStanding) -> &'static str {
    match standing {
        CampaignStanding::Running => "groceries-standing-resumed",
        CampaignStanding::Paused => "groceries-standing-paused",
        CampaignStanding::Withdrawn => "groceries-standing-withdrawn",
    }
}

#[component]
pub fn StaffControls(screen: CampaignScreen) -> impl IntoView {
    let session = Session::get();
    let phase = Memo::new(move |_| screen.with(|c| c.phase));
    let open = Memo::new(move |_| may_change_standing(phase.get(), screen.now.get() < screen.with(|c| c.cut_off)));
    let reason = RwSignal::new(String::new());
    let form = FormError::new(&["reason"]);
    let busy = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<CampaignStanding>);
    let send = move |standing: CampaignStanding| {
        if busy.get_untracked() {
            return;
        }
        done.set(None);
        let typed = reason.get_untracked();
        let checked = match validate::reason(Some(&typed), standing != CampaignStanding::Running) {
            Ok(checked) => checked,
            Err(error) => {
                confirming.set(false);
                form.set(Some(error));
                focus_soon("#standing-reason");
                return;
            }
        };
        let client = session.client();
        let id = screen.id;
        let change = SetCampaignStanding { standing, reason: checked };
        form.send(session, busy, async move { client.set_campaign_standing(id, &change).await }, move |campaign| {
            busy.set(false);
            confirming.set(false);
            reason.set(String::new());
            screen.campaign.set(Some(campaign));
            done.set(Some(standing));
            screen.reload.run(());
            focus_soon("#standing-status");
        });
    };
    let button_text = move |id: &'static str| move || if busy.get() { t("busy") } else { t(id) };
    view! {
        <section id="campaign-staff" class="staff-tools" aria-labelledby="campaign-staff-heading">
            <h2 id="campaign-staff-heading">{tr("groceries-staff-heading")}</h2>
            {move || if open.get() {
                view! {
                    <FormAlert form/>
                    <TextArea form field="reason" id="standing-reason" label="groceries-standing-reason" value=reason rows=3
                        hint=Hint { id: "standing-reason-hint", text: Signal::derive(|| t("groceries-standing-reason-hint")) }/>
                    {move || match phase.get() {
                        CampaignPhase::Paused => view! {
                            <button type="button" class="button primary" id="resume-campaign" disabled=move || busy.get()
                                on:click=move |_| send(CampaignStanding::Running)>{button_text("groceries-resume")}</button>
                        }.into_any(),
                        _ => view! {
                            <button type="button" class="button" id="pause-campaign" disabled=move || busy.get()
                                on:click=move |_| send(CampaignStanding::Paused)>{button_text("groceries-pause")}</button>
                        }.into_any(),
                    }}
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="button danger" id="withdraw-campaign" on:click=move |_| {
                                confirming.set(true);
                                focus_soon("#withdraw-confirm");
                            }>{tr("groceries-withdraw")}</button>
                        }
                    >
                        <div class="confirm" id="withdraw-box">
                            <p id="withdraw-question">{tr("groceries-withdraw-question")}</p>
                            <button type="button" class="button danger" id="withdraw-confirm" aria-describedby="withdraw-question"
                                disabled=move || busy.get() on:click=move |_| send(CampaignStanding::Withdrawn)>
                                {button_text("groceries-withdraw-yes")}
                            </button>
                            <button type="button" class="button" id="withdraw-keep" on:click=move |_| {
                                confirming.set(false);
                                focus_soon("#withdraw-campaign");
                            }>{tr("groceries-withdraw-no")}</button>
                        </div>
                    </Show>
                }.into_any()
            } else {
                view! { <p class="hint" id="standing-closed">{tr("groceries-standing-closed")}</p> }.into_any()
            }}
            <p class="done" id="standing-status" role="status" tabindex="-1">{move || done.get().map(|standing| t(done_id(standing)))}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_change_a_campaign_only_while_it_runs_before_its_cut_off() {
        assert!(may_change_standing(CampaignPhase::Open, true));
        assert!(may_change_standing(CampaignPhase::Paused, true));
        assert!(!may_change_standing(CampaignPhase::Open, false));
        for decided in [CampaignPhase::Formed, CampaignPhase::Cancelled, CampaignPhase::Withdrawn] {
            assert!(!may_change_standing(decided, true), "{decided:?}");
        }
    }

    #[test]
    fn pausing_and_withdrawing_need_a_reason_and_resuming_does_not() {
        assert!(validate::reason(Some("  "), true).is_err());
        assert_eq!(validate::reason(Some(" 检查冷链 "), true).unwrap().as_deref(), Some("检查冷链"));
        assert_eq!(validate::reason(Some(""), false).unwrap(), None);
    }
}
