//! A vote's result as CSV for staff: the question, the count, the Article 278 thresholds,
//! and every ballot of the chain (receipts, never voters).

use linli_api::hall::{ChainEntry, Vote, VoteKind};

fn option_label(vote: &Vote, index: u32) -> String {
    match vote.kind {
        VoteKind::YesNoAbstain => ["yes", "no", "abstain"].get(index as usize).copied().unwrap_or("").to_owned(),
        _ => vote.options.get(index as usize).cloned().unwrap_or_default(),
    }
}

fn wire<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

pub fn result_csv(vote: &Vote, chain: &[ChainEntry]) -> Result<String, csv::Error> {
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    out.write_record(["question", &vote.question])?;
    out.write_record(["eligibility", &wire(vote.eligibility)])?;
    if let Some(matter) = vote.matter {
        out.write_record(["matter", &wire(matter)])?;
    }
    out.write_record(["opens_at", &vote.opens_at.to_rfc3339()])?;
    out.write_record(["closes_at", &vote.closes_at.to_rfc3339()])?;
    out.write_record(["ballots", &vote.tally.ballots.to_string(), "eligible", &vote.tally.eligible.to_string()])?;
    out.write_record(["option", "count"])?;
    for (index, count) in vote.tally.counts.iter().enumerate() {
        out.write_record([option_label(vote, index as u32), count.to_string()])?;
    }
    if let Some(decision) = &vote.tally.owners {
        out.write_record(["stage", "measure", "rule", "count", "of", "met"])?;
        for threshold in &decision.thresholds {
            out.write_record([
                wire(threshold.stage),
                wire(threshold.measure),
                wire(threshold.rule),
                threshold.count.to_string(),
                threshold.of.to_string(),
                threshold.met.to_string(),
            ])?;
        }
        out.write_record(["approved", &decision.approved.to_string()])?;
    }
    out.write_record(["sequence", "receipt", "choices", "cast_at", "hash", "counted"])?;
    for entry in chain {
        let choices: Vec<String> = entry.choices.iter().map(|choice| option_label(vote, *choice)).collect();
        out.write_record([
            entry.sequence.to_string(),
            entry.receipt.clone(),
            choices.join("; "),
            entry.cast_at.to_rfc3339(),
            entry.hash.clone(),
            entry.counted.to_string(),
        ])?;
    }
    let bytes = out.into_inner().map_err(|error| error.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::hall::{Eligibility, Tally, VotePhase};
    use linli_api::ids::VoteId;

    #[test]
    fn questions_with_commas_and_quotes_stay_one_field() {
        let vote = Vote {
            id: VoteId(1),
            question: "是否同意\"A,B\"方案？".into(),
            description: String::new(),
            kind: VoteKind::YesNoAbstain,
            options: vec![],
            max_choices: 1,
            eligibility: Eligibility::Residents,
            matter: None,
            secret: true,
            final_on_cast: false,
            opens_at: Utc::now(),
            closes_at: Utc::now(),
            phase: VotePhase::Closed,
            can_vote: false,
            my_ballot: None,
            tally: Tally { ballots: 1, eligible: 3, counts: vec![1, 0, 0], owners: None },
            topic_id: None,
        };
        let chain = [ChainEntry { sequence: 1, receipt: "K7PM4XQ2".into(), choices: vec![0], cast_at: Utc::now(), hash: "ab".into(), counted: true }];
        let text = result_csv(&vote, &chain).unwrap();
        assert!(text.starts_with("question,\"是否同意\"\"A,B\"\"方案？\"\n"), "{text}");
        assert!(text.contains("\nyes,1\n"));
        assert!(text.contains("\n1,K7PM4XQ2,yes,"));
    }
}
