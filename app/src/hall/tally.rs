//! The live count of a vote, and an owners' decision explained threshold by threshold.

use leptos::prelude::*;
use linli_api::hall::{Measure, OwnersDecision, Stage, Threshold, ThresholdRule, Vote};

use super::{option_count, option_text};
use crate::i18n::{t, t_args};

/// Per cent, rounded down, of `count` out of `of` (0 when `of` is 0).
pub fn percent(count: i64, of: i64) -> i64 {
    if of <= 0 { 0 } else { count * 100 / of }
}

/// Hundredths of a square metre as square metres, e.g. `12345` → `123.45`.
pub fn square_metres(centi: i64) -> String {
    format!("{}.{:02}", centi / 100, centi % 100)
}

fn rule_id(rule: ThresholdRule) -> &'static str {
    match rule {
        ThresholdRule::AtLeastTwoThirds => "hall-rule-two-thirds",
        ThresholdRule::AtLeastThreeQuarters => "hall-rule-three-quarters",
        ThresholdRule::MoreThanHalf => "hall-rule-more-than-half",
    }
}

/// One threshold in words, with its numbers and whether it is met.
pub fn threshold_text(threshold: &Threshold) -> String {
    let id = match (threshold.stage, threshold.measure) {
        (Stage::Participation, Measure::Area) => "hall-threshold-participation-area",
        (Stage::Participation, Measure::Headcount) => "hall-threshold-participation-headcount",
        (Stage::Approval, Measure::Area) => "hall-threshold-approval-area",
        (Stage::Approval, Measure::Headcount) => "hall-threshold-approval-headcount",
    };
    let (count, of) = match threshold.measure {
        Measure::Area => (square_metres(threshold.count), square_metres(threshold.of)),
        Measure::Headcount => (threshold.count.to_string(), threshold.of.to_string()),
    };
    t_args(
        id,
        &[
            ("count", count.into()),
            ("of", of.into()),
            ("percent", percent(threshold.count, threshold.of).into()),
            ("rule", t(rule_id(threshold.rule)).into()),
            ("met", t(if threshold.met { "hall-threshold-met" } else { "hall-threshold-not-met" }).into()),
        ],
    )
}

/// Counts per option with bars, turnout, and for owners' votes the four thresholds.
#[component]
pub fn TallyView(vote: Signal<Vote>) -> impl IntoView {
    view! {
        // Counts change live; screen readers hear the change without it taking focus.
        <section class="tally" aria-live="polite" aria-labelledby="tally-heading">
            <h2 id="tally-heading">{move || t("hall-tally")}</h2>
            <p class="turnout">{move || vote.with(|vote| t_args("hall-turnout", &[
                ("ballots", vote.tally.ballots.into()),
                ("eligible", vote.tally.eligible.into()),
            ]))}</p>
            <ul class="tally-bars">
                {move || vote.with(|vote| (0..option_count(vote)).map(|index| {
                    let count = vote.tally.counts.get(index as usize).copied().unwrap_or(0);
                    let share = percent(count, vote.tally.ballots);
                    view! {
                        <li class="tally-option">
                            <span class="tally-label">{option_text(vote, index)}</span>
                            <span class="tally-count">{t_args("hall-option-count", &[("count", count.into()), ("percent", share.into())])}</span>
                            <span class="tally-bar" aria-hidden="true"><span style=format!("width:{share}%")></span></span>
                        </li>
                    }
                }).collect_view())}
            </ul>
            {move || vote.with(|vote| vote.tally.owners.clone()).map(|decision| view! { <OwnersThresholds decision/> })}
        </section>
    }
}

#[component]
fn OwnersThresholds(decision: OwnersDecision) -> impl IntoView {
    let approved = decision.approved;
    view! {
        <div class="thresholds">
            <h3>{move || t("hall-owners-heading")}</h3>
            <ul>
                {decision.thresholds.into_iter().map(|threshold| view! {
                    <li class:met=threshold.met>{move || threshold_text(&threshold)}</li>
                }).collect_view()}
            </ul>
            <p class="decision" id="owners-decision">
                {move || t(if approved { "hall-owners-approved" } else { "hall-owners-not-approved" })}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_and_shares_read_as_people_expect() {
        assert_eq!(square_metres(12_345), "123.45");
        assert_eq!(square_metres(9_000), "90.00");
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(1, 0), 0);
    }
}
