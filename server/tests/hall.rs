//! Votes end to end over HTTP on SQLite and PostgreSQL: one-tap ballots and live tallies,
//! eligibility, owners' decisions, one ballot per voter under racing taps, changes and
//! final-on-cast, closing by the clock, family proxies, receipts and the hash chain.

mod common;

use std::time::Duration as StdDuration;

use chrono::Duration;
use common::{Backend, TestClock, ELDERLY, OWNER, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::community::NewInvite;
use linli_api::events::Event;
use linli_api::family::FamilyActivityKind;
use linli_api::hall::{CastBallot, Eligibility, Matter, NewVote, Stage, VoteKind, VotePhase};
use linli_api::paging::PageQuery;
use linli_api::{Client, ErrorCode};
use rand::{Rng, SeedableRng};

/// A yes/no/abstain vote open from now for a week.
fn question(eligibility: Eligibility, now: chrono::DateTime<chrono::Utc>) -> NewVote {
    NewVote {
        question: "是否同意在 3 栋楼下加装充电桩？".into(),
        description: "每个车位**自愿**安装。".into(),
        kind: VoteKind::YesNoAbstain,
        options: vec![],
        max_choices: None,
        eligibility,
        matter: (eligibility == Eligibility::Owners).then_some(Matter::CommonPartsUse),
        secret: false,
        final_on_cast: false,
        opens_at: now - Duration::minutes(1),
        closes_at: now + Duration::days(7),
    }
}

fn tap(choice: u32) -> CastBallot {
    CastBallot { choices: vec![choice] }
}

/// The running totals the server keeps equal a recount of every counted ballot.
async fn assert_totals_equal_recount(app: &common::TestApp, staff: &Client, vote: linli_api::ids::VoteId) {
    let community = staff.me().await.unwrap().community.id;
    let mut conn = app.db().pool.acquire().await.unwrap();
    let row = linli_server::hall::storage::find_vote(&mut conn, community, vote).await.unwrap().unwrap();
    let sizes = linli_server::hall::routes::community_sizes(&mut conn, community).await.unwrap();
    let kept = linli_server::hall::routes::tally(&mut conn, &sizes, &row).await.unwrap();
    let recounted = linli_server::hall::routes::recount(&mut conn, &row).await.unwrap();
    assert_eq!(kept, recounted);
}

async fn one_tap_counts_at_once_and_the_tally_goes_out_live(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&question(Eligibility::Residents, chrono::Utc::now())).await.unwrap();
    assert_eq!((vote.phase, vote.tally.ballots, vote.tally.eligible), (VotePhase::Open, 0, 3));
    assert!(!vote.can_vote, "staff are not residents");

    let neighbour = app.sign_in(RESIDENT).await;
    let mut live = neighbour.events().await.unwrap();
    let owner = app.sign_in(OWNER).await;
    let counted = owner.cast_ballot(vote.id, &tap(0)).await.unwrap();
    let mine = counted.my_ballot.clone().expect("counted");
    assert_eq!((mine.choices, counted.tally.counts.clone()), (vec![0], vec![1, 0, 0]));
    assert_eq!(mine.receipt.len(), 8);
    match tokio::time::timeout(StdDuration::from_secs(5), live.next()).await {
        Ok(Some(Event::VoteTally { vote_id, tally })) => assert_eq!((vote_id, tally.counts), (vote.id, vec![1, 0, 0])),
        other => panic!("the neighbour's open page got {other:?}"),
    }

    // Changing one's mind replaces the ballot: still one counted.
    let changed = owner.cast_ballot(vote.id, &tap(1)).await.unwrap();
    assert_eq!((changed.tally.ballots, changed.tally.counts), (1, vec![0, 1, 0]));
    assert_ne!(changed.my_ballot.unwrap().receipt, counted.my_ballot.unwrap().receipt, "each ballot its own receipt");
    let listed = neighbour.votes().await.unwrap();
    assert_eq!(listed[0].id, vote.id);
    assert!(listed[0].my_ballot.is_none() && listed[0].can_vote);
}

async fn bad_ballots_and_strangers_change_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let (_, other_staff, other_resident) = app.add_other_community().await;
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&question(Eligibility::Residents, chrono::Utc::now())).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    for bad in [vec![], vec![3], vec![0, 1]] {
        let error = owner.cast_ballot(vote.id, &CastBallot { choices: bad.clone() }).await.unwrap_err();
        assert_eq!((error.status(), error.code(), error.field()), (Some(422), ErrorCode::InvalidValue, Some("choices")), "{bad:?}");
    }
    assert_eq!(app.sign_in(&other_resident).await.cast_ballot(vote.id, &tap(0)).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(app.sign_in(&other_staff).await.vote(vote.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(staff.cast_ballot(vote.id, &tap(0)).await.unwrap_err().code(), ErrorCode::NotEligible);
    assert_eq!(owner.create_vote(&question(Eligibility::Residents, chrono::Utc::now())).await.unwrap_err().code(), ErrorCode::Forbidden);
    let mut bad = question(Eligibility::Owners, chrono::Utc::now());
    bad.matter = None;
    let error = staff.create_vote(&bad).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::FieldRequired, Some("matter")));
    assert_eq!(app.count("ballot_chain").await, 0);
    assert_eq!(app.count("votes").await, 1);
}

async fn owners_decide_by_area_and_headcount(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&question(Eligibility::Owners, chrono::Utc::now())).await.unwrap();
    let owners = vote.tally.owners.clone().expect("an owners' decision");
    assert_eq!(owners.thresholds.len(), 4);
    assert!(!owners.approved);
    assert_eq!(vote.tally.eligible, app.count("households").await, "every unit is an owner");

    let tenant = app.sign_in(RESIDENT).await;
    assert_eq!(tenant.cast_ballot(vote.id, &tap(0)).await.unwrap_err().code(), ErrorCode::NotEligible);
    let owner = app.sign_in(OWNER).await;
    let after = owner.cast_ballot(vote.id, &tap(0)).await.unwrap();
    let decision = after.tally.owners.unwrap();
    let participation = &decision.thresholds[0];
    assert_eq!((participation.stage, participation.count > 0, participation.met), (Stage::Participation, true, false));
    assert_eq!(decision.thresholds[3].count, 1, "one owner approved");
    assert!(!decision.approved, "one owner of 36 units decides nothing");
    // Changing a ballot moves the unit's area with it.
    for choice in [1, 2, 0] {
        owner.cast_ballot(vote.id, &tap(choice)).await.unwrap();
        assert_totals_equal_recount(&app, &staff, vote.id).await;
    }
}

async fn one_ballot_per_household_even_when_both_tap_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    // A second resident in the owner's household.
    let household = app.sign_in(OWNER).await.me().await.unwrap().household.unwrap().id;
    let invite = staff.create_invite(&NewInvite { household_id: household }).await.unwrap();
    let registration = linli_api::auth::RegisterRequest {
        invite_code: invite.code,
        phone: "13612340001".into(),
        name: "王小建".into(),
        password: "household member".into(),
        accept_privacy_policy: true,
        locale: None,
    };
    let spouse = app.client().with_token(app.client().register(&registration).await.unwrap().token);
    let vote = staff.create_vote(&question(Eligibility::Households, chrono::Utc::now())).await.unwrap();

    let owner = app.sign_in(OWNER).await;
    let taps = (0..10).map(|i| {
        let (voter, id) = (if i % 2 == 0 { owner.clone() } else { spouse.clone() }, vote.id);
        tokio::spawn(async move { voter.cast_ballot(id, &tap(i % 3)).await })
    });
    for answer in futures_util::future::join_all(taps).await {
        answer.unwrap().unwrap();
    }
    let after = owner.vote(vote.id).await.unwrap();
    assert_eq!(after.tally.ballots, 1, "one household, one counted ballot");
    assert_totals_equal_recount(&app, &staff, vote.id).await;
    assert_eq!(after.tally.counts.iter().sum::<i64>(), 1);
    assert_eq!(app.count("vote_participation").await, 1);
    assert_eq!(app.count("ballot_chain").await, 10, "every tap is in the chain");
    assert!(owner.vote_record(vote.id, &PageQuery::default()).await.unwrap().chain_intact, "racing taps still chain correctly");
}

async fn final_on_cast_keeps_the_first_ballot_even_from_two_phones_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&NewVote { final_on_cast: true, ..question(Eligibility::Residents, chrono::Utc::now()) }).await.unwrap();
    let (phone, tablet) = (app.sign_in(OWNER).await, app.sign_in(OWNER).await);
    let (yes, no) = (tap(0), tap(1));
    let (first, second) = tokio::join!(phone.cast_ballot(vote.id, &yes), tablet.cast_ballot(vote.id, &no));
    assert_eq!(usize::from(first.is_ok()) + usize::from(second.is_ok()), 1, "{first:?} {second:?}");
    let refused = first.err().or(second.err()).unwrap();
    assert_eq!((refused.status(), refused.code()), (Some(409), ErrorCode::BallotFinal));
    assert_eq!(app.count("ballot_chain").await, 1);
}

async fn a_vote_opens_and_closes_by_the_clock_alone(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let now = clock.now();
    let vote = staff
        .create_vote(&NewVote { opens_at: now + Duration::hours(1), closes_at: now + Duration::hours(2), ..question(Eligibility::Residents, now) })
        .await
        .unwrap();
    let owner = app.sign_in(OWNER).await;
    assert_eq!(vote.phase, VotePhase::Scheduled);
    assert_eq!(owner.cast_ballot(vote.id, &tap(0)).await.unwrap_err().code(), ErrorCode::VoteNotOpen);
    clock.advance(Duration::minutes(61));
    assert_eq!(owner.cast_ballot(vote.id, &tap(0)).await.unwrap().phase, VotePhase::Open);
    clock.advance(Duration::minutes(60));
    // Nobody closed it: its time is up.
    assert_eq!(owner.vote(vote.id).await.unwrap().phase, VotePhase::Closed);
    let error = owner.cast_ballot(vote.id, &tap(1)).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(409), ErrorCode::VoteClosed));
    assert_eq!(owner.vote(vote.id).await.unwrap().tally.counts, vec![1, 0, 0]);
}

async fn a_family_proxy_votes_for_the_resident_and_both_are_recorded(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&NewVote { secret: true, ..question(Eligibility::Residents, chrono::Utc::now()) }).await.unwrap();
    let elderly = app.sign_in(ELDERLY).await;
    let elderly_id = elderly.me().await.unwrap().id;
    // The demo's daughter holds the vote_proxy grant.
    let daughter = app.sign_in(linli_server::seed::FAMILY_PHONE).await;
    assert_eq!(daughter.vote(vote.id).await.unwrap_err().code(), ErrorCode::Forbidden, "not for herself");
    let voted = daughter.clone().acting_for(elderly_id).cast_ballot(vote.id, &tap(0)).await.unwrap();
    assert_eq!(voted.my_ballot.as_ref().and_then(|b| b.proxy_name.as_deref()), Some("陈小红（女儿）"));

    let seen = elderly.vote(vote.id).await.unwrap();
    assert_eq!(seen.my_ballot.unwrap().choices, vec![0], "the ballot is the resident's");
    let history = elderly.family_history(&PageQuery::default()).await.unwrap();
    assert_eq!((history.items[0].kind, history.items[0].detail.as_str()), (FamilyActivityKind::Voted, vote.question.as_str()));
    // A secret ballot: others see the count, never the choice.
    assert!(staff.vote(vote.id).await.unwrap().my_ballot.is_none());
}

async fn receipts_are_in_the_record_and_a_changed_ballot_breaks_the_chain(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&question(Eligibility::Residents, chrono::Utc::now())).await.unwrap();
    let mut receipts = Vec::new();
    for (phone, choice) in [(OWNER, 0), (ELDERLY, 1), (RESIDENT, 0), (OWNER, 2)] {
        let cast = app.sign_in(phone).await.cast_ballot(vote.id, &tap(choice)).await.unwrap();
        receipts.push(cast.my_ballot.unwrap().receipt);
    }
    let resident = app.sign_in(RESIDENT).await;
    let record = resident.vote_record(vote.id, &PageQuery::default()).await.unwrap();
    assert!(record.chain_intact);
    assert_eq!((record.chain.len(), record.chain_length, record.next_after.as_deref()), (4, 4, None));
    let counted: Vec<&str> = record.chain.iter().filter(|e| e.counted).map(|e| e.receipt.as_str()).collect();
    assert_eq!(counted, [receipts[1].as_str(), receipts[2].as_str(), receipts[3].as_str()], "the owner's first ballot was replaced");
    assert_eq!(record.vote.tally.counts, vec![1, 1, 1]);

    // A voter finds their own receipt however they type it, without paging.
    let found = resident.vote_receipt(vote.id, &receipts[2].to_lowercase()).await.unwrap();
    assert!(found.counted && found.receipt == receipts[2]);
    assert!(!resident.vote_receipt(vote.id, &receipts[0]).await.unwrap().counted, "replaced by the owner's later ballot");
    for missing in ["ZZZZZZZZ", "short", "../../x"] {
        assert_eq!(resident.vote_receipt(vote.id, missing).await.unwrap_err().code(), ErrorCode::NotFound, "{missing}");
    }

    // Page by page, each page checked against the entry before it.
    let first = resident.vote_record(vote.id, &PageQuery::first(Some(2))).await.unwrap();
    let second = resident.vote_record(vote.id, &PageQuery::after(first.next_after.as_deref(), Some(2))).await.unwrap();
    let sequences: Vec<i64> = first.chain.iter().chain(&second.chain).map(|entry| entry.sequence).collect();
    assert_eq!(sequences, [1, 2, 3, 4]);
    assert!(first.chain_intact && second.chain_intact);
    assert_eq!((first.chain_length, second.next_after), (4, None));
    for bad in ["-1", "x", "1.5"] {
        let error = resident.vote_record(vote.id, &PageQuery::after(Some(bad), None)).await.unwrap_err();
        assert_eq!((error.status(), error.code()), (Some(400), ErrorCode::InvalidQuery), "after={bad}");
    }

    // Someone with database access changes a ballot: the published chain shows it, on the
    // page that holds it and on the page after (whose link no longer follows).
    sqlx::query("UPDATE ballot_chain SET choices = '0' WHERE sequence = 2").execute(&app.db().pool).await.unwrap();
    assert!(!staff.vote_record(vote.id, &PageQuery::default()).await.unwrap().chain_intact);
    assert!(!staff.vote_record(vote.id, &PageQuery::first(Some(2))).await.unwrap().chain_intact);
    let after_two = staff.vote_record(vote.id, &PageQuery::after(Some("2"), Some(2))).await.unwrap();
    assert!(after_two.chain_intact, "entries 3 and 4 still follow from entry 2 as stored");
    sqlx::query("UPDATE ballot_chain SET hash = 'forged' WHERE sequence = 2").execute(&app.db().pool).await.unwrap();
    assert!(!staff.vote_record(vote.id, &PageQuery::after(Some("2"), Some(2))).await.unwrap().chain_intact);
}

async fn staff_see_who_took_part_but_never_a_secret_choice_and_export_the_result(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let now = chrono::Utc::now();
    let secret = staff.create_vote(&NewVote { secret: true, ..question(Eligibility::Residents, now) }).await.unwrap();
    let open = staff.create_vote(&NewVote { question: "开放投票，选择可见".into(), ..question(Eligibility::Residents, now) }).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    owner.cast_ballot(secret.id, &tap(1)).await.unwrap();
    owner.cast_ballot(open.id, &tap(1)).await.unwrap();

    let audits = app.count("audit_log").await;
    let took_part = staff.vote_participants(secret.id, &PageQuery::default()).await.unwrap();
    assert_eq!((took_part.participants.len(), took_part.total, took_part.next_after.as_deref()), (1, 1, None));
    let took_part = took_part.participants;
    assert!(took_part[0].household.is_some() && !took_part[0].name.is_empty(), "who took part is visible");
    assert_eq!(took_part[0].choices, None, "what they chose in a secret vote is not");
    assert_eq!(staff.vote_participants(open.id, &PageQuery::default()).await.unwrap().participants[0].choices, Some(vec![1]));
    assert_eq!(app.count("audit_log").await, audits + 2, "each view of who voted is logged");
    assert_eq!(owner.vote_participants(secret.id, &PageQuery::default()).await.unwrap_err().code(), ErrorCode::Forbidden);
    let error = staff.vote_participants(open.id, &PageQuery::after(Some("no-cursor"), None)).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(400), ErrorCode::InvalidQuery));

    // Page by page, in the order they took part: everyone once, and only the first page logged.
    for phone in [ELDERLY, RESIDENT] {
        app.sign_in(phone).await.cast_ballot(open.id, &tap(0)).await.unwrap();
    }
    let audits = app.count("audit_log").await;
    let mut seen = Vec::new();
    let mut page = PageQuery::first(Some(2));
    loop {
        let got = staff.vote_participants(open.id, &page).await.unwrap();
        assert_eq!(got.total, 3);
        seen.extend(got.participants.into_iter().map(|person| person.name));
        match got.next_after {
            Some(next) => page = PageQuery::after(Some(&next), Some(2)),
            None => break,
        }
    }
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(seen.iter().collect::<std::collections::BTreeSet<_>>().len(), 3, "nobody twice: {seen:?}");
    assert_eq!(app.count("audit_log").await, audits + 1, "one view, one line");

    let csv = staff.export_vote_csv(secret.id).await.unwrap();
    assert!(csv.starts_with("question,"), "{csv}");
    assert!(csv.contains("\nno,1\n") && csv.contains("\nyes,0\n"), "{csv}");
    let owner_name = owner.me().await.unwrap().name;
    assert!(!csv.contains(&owner_name), "no voter in the export");
    assert_eq!(owner.export_vote_csv(secret.id).await.unwrap_err().code(), ErrorCode::Forbidden);
}

/// Random ballots from four voters, many times over: the tally always equals a recount of
/// each voter's last ballot (a seeded property test).
async fn the_tally_always_equals_a_recount(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let mut multiple = question(Eligibility::Residents, chrono::Utc::now());
    multiple.kind = VoteKind::Multiple;
    multiple.options = vec!["周一".into(), "周三".into(), "周五".into(), "周六".into()];
    multiple.max_choices = Some(2);
    let vote = staff.create_vote(&multiple).await.unwrap();
    let voters: Vec<Client> = futures_util::future::join_all([OWNER, ELDERLY, RESIDENT].map(|phone| app.sign_in(phone))).await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(278);
    let mut last: Vec<Option<Vec<u32>>> = vec![None; voters.len()];
    for _ in 0..30 {
        let who = rng.gen_range(0..voters.len());
        let first = rng.gen_range(0..4);
        let mut choices = vec![first];
        if rng.gen_bool(0.5) {
            choices.push((first + rng.gen_range(1..4)) % 4);
        }
        let tally = voters[who].cast_ballot(vote.id, &CastBallot { choices: choices.clone() }).await.unwrap().tally;
        choices.sort_unstable();
        last[who] = Some(choices);
        let mut recount = vec![0i64; 4];
        for choice in last.iter().flatten().flatten() {
            recount[*choice as usize] += 1;
        }
        assert_eq!(tally.counts, recount);
        assert_eq!(tally.ballots, last.iter().flatten().count() as i64);
    }
    assert_totals_equal_recount(&app, &staff, vote.id).await;
}

on_both_databases!(
    one_tap_counts_at_once_and_the_tally_goes_out_live,
    bad_ballots_and_strangers_change_nothing,
    owners_decide_by_area_and_headcount,
    one_ballot_per_household_even_when_both_tap_at_once,
    final_on_cast_keeps_the_first_ballot_even_from_two_phones_at_once,
    a_vote_opens_and_closes_by_the_clock_alone,
    a_family_proxy_votes_for_the_resident_and_both_are_recorded,
    receipts_are_in_the_record_and_a_changed_ballot_breaks_the_chain,
    the_tally_always_equals_a_recount,
    staff_see_who_took_part_but_never_a_secret_choice_and_export_the_result,
);
