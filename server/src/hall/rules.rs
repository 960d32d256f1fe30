//! What a new vote must satisfy, and who votes on it: the unit that holds one ballot.

use chrono::{DateTime, Utc};
use linli_api::auth::Role;
use linli_api::hall::{Eligibility, NewVote, VoteKind};
use linli_api::ids::{HouseholdId, UserId};
use linli_api::validate::required_text;
use linli_api::ErrorCode;

use super::ballot::Kind;
use crate::error::AppError;

pub const QUESTION_MAX_CHARS: usize = 200;
pub const DESCRIPTION_MAX_CHARS: usize = 5_000;
pub const OPTION_MAX_CHARS: usize = 100;
pub const MAX_OPTIONS: usize = 20;

/// A vote that passed every check: trimmed, with its kind as the ballot rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedVote {
    pub vote: NewVote,
    pub kind: Kind,
}

pub fn check_new_vote(vote: &NewVote, now: DateTime<Utc>) -> Result<CheckedVote, AppError> {
    let invalid = |code, field| AppError::invalid(code, field);
    let question = required_text(&vote.question, QUESTION_MAX_CHARS, "question").map_err(AppError::Invalid)?;
    let description = vote.description.trim().to_owned();
    if description.chars().count() > DESCRIPTION_MAX_CHARS {
        return Err(invalid(ErrorCode::FieldTooLong, "description"));
    }
    let mut options = Vec::with_capacity(vote.options.len());
    for option in &vote.options {
        options.push(required_text(option, OPTION_MAX_CHARS, "options").map_err(AppError::Invalid)?);
    }
    let kind = match vote.kind {
        VoteKind::YesNoAbstain if options.is_empty() => Kind::YesNoAbstain,
        VoteKind::YesNoAbstain => return Err(invalid(ErrorCode::InvalidValue, "options")),
        _ if !(2..=MAX_OPTIONS).contains(&options.len()) => return Err(invalid(ErrorCode::InvalidValue, "options")),
        VoteKind::Single => Kind::Single { options: options.len() as u32 },
        VoteKind::Multiple => match vote.max_choices {
            Some(max) if (1..=options.len() as u32).contains(&max) => Kind::Multiple { options: options.len() as u32, max },
            _ => return Err(invalid(ErrorCode::InvalidValue, "max_choices")),
        },
    };
    // An owners' decision on a matter of Article 278 is a yes/no/abstain question naming it.
    match (vote.eligibility, vote.kind, vote.matter) {
        (Eligibility::Owners, VoteKind::YesNoAbstain, None) => return Err(invalid(ErrorCode::FieldRequired, "matter")),
        (Eligibility::Owners, VoteKind::YesNoAbstain, Some(_)) | (_, _, None) => {}
        (_, _, Some(_)) => return Err(invalid(ErrorCode::InvalidValue, "matter")),
    }
    if vote.closes_at <= vote.opens_at {
        return Err(invalid(ErrorCode::InvalidValue, "closes_at"));
    }
    if vote.closes_at <= now {
        return Err(invalid(ErrorCode::InvalidValue, "closes_at"));
    }
    let max_choices = match kind {
        Kind::Multiple { max, .. } => Some(max),
        _ => None,
    };
    Ok(CheckedVote { vote: NewVote { question, description, options, max_choices, ..vote.clone() }, kind })
}

/// The person a ballot would be for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voter {
    pub user: UserId,
    pub role: Role,
    pub household: Option<HouseholdId>,
    pub is_owner: bool,
}

/// The unit that holds one ballot under the vote's eligibility, or none if the person may
/// not vote: a resident; a household; an owned unit (co-owners of one unit count as one).
pub fn voter_key(eligibility: Eligibility, voter: &Voter) -> Option<String> {
    if voter.role != Role::Resident {
        return None;
    }
    match (eligibility, voter.household) {
        (Eligibility::Residents, _) => Some(format!("resident:{}", voter.user)),
        (Eligibility::Households, Some(household)) => Some(format!("household:{household}")),
        (Eligibility::Owners, Some(household)) if voter.is_owner => Some(format!("unit:{household}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use linli_api::hall::Matter;

    fn vote() -> NewVote {
        let now = Utc::now();
        NewVote {
            question: " 是否同意更换物业公司？ ".into(),
            description: String::new(),
            kind: VoteKind::YesNoAbstain,
            options: vec![],
            max_choices: None,
            eligibility: Eligibility::Owners,
            matter: Some(Matter::PropertyCompany),
            secret: true,
            final_on_cast: false,
            opens_at: now,
            closes_at: now + Duration::days(7),
        }
    }

    fn field(result: Result<CheckedVote, AppError>) -> Option<String> {
        match result {
            Err(AppError::Invalid(error)) => error.field,
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn a_good_owners_vote_is_trimmed() {
        let checked = check_new_vote(&vote(), Utc::now()).unwrap();
        assert_eq!(checked.vote.question, "是否同意更换物业公司？");
        assert_eq!(checked.kind, Kind::YesNoAbstain);
    }

    #[test]
    fn each_kind_needs_its_options() {
        let now = Utc::now();
        let mut single = NewVote { kind: VoteKind::Single, eligibility: Eligibility::Residents, matter: None, ..vote() };
        assert_eq!(field(check_new_vote(&single, now)).as_deref(), Some("options"));
        single.options = vec!["周六".into(), "周日".into()];
        assert_eq!(check_new_vote(&single, now).unwrap().kind, Kind::Single { options: 2 });
        let mut multiple = NewVote { kind: VoteKind::Multiple, ..single.clone() };
        assert_eq!(field(check_new_vote(&multiple, now)).as_deref(), Some("max_choices"));
        multiple.max_choices = Some(3);
        assert_eq!(field(check_new_vote(&multiple, now)).as_deref(), Some("max_choices"));
        multiple.max_choices = Some(2);
        assert!(check_new_vote(&multiple, now).is_ok());
        let mut blank = single.clone();
        blank.options[1] = "  ".into();
        assert_eq!(field(check_new_vote(&blank, now)).as_deref(), Some("options"));
    }

    #[test]
    fn a_matter_belongs_to_owners_yes_no_votes_only() {
        let now = Utc::now();
        assert_eq!(field(check_new_vote(&NewVote { matter: None, ..vote() }, now)).as_deref(), Some("matter"));
        let residents = NewVote { eligibility: Eligibility::Residents, ..vote() };
        assert_eq!(field(check_new_vote(&residents, now)).as_deref(), Some("matter"));
    }

    #[test]
    fn a_vote_must_close_after_it_opens_and_in_the_future() {
        let now = Utc::now();
        let backwards = NewVote { closes_at: vote().opens_at - Duration::hours(1), ..vote() };
        assert_eq!(field(check_new_vote(&backwards, now)).as_deref(), Some("closes_at"));
        assert_eq!(field(check_new_vote(&vote(), now + Duration::days(8))).as_deref(), Some("closes_at"));
    }

    #[test]
    fn who_holds_a_ballot() {
        let owner = Voter { user: UserId(5), role: Role::Resident, household: Some(HouseholdId(9)), is_owner: true };
        let tenant = Voter { is_owner: false, user: UserId(6), ..owner };
        assert_eq!(voter_key(Eligibility::Residents, &owner).as_deref(), Some("resident:5"));
        assert_eq!(voter_key(Eligibility::Households, &tenant).as_deref(), Some("household:9"));
        assert_eq!(voter_key(Eligibility::Owners, &owner).as_deref(), Some("unit:9"));
        assert_eq!(voter_key(Eligibility::Owners, &tenant), None);
        let staff = Voter { role: Role::Staff, ..owner };
        assert_eq!(voter_key(Eligibility::Residents, &staff), None);
    }
}
