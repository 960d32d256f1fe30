//! The discussion hall: an owners' vote with a ballot from every owner, earlier votes of
//! the residents, and 5,000 topics, one of which (the owners' vote's) has a 5,000-comment
//! thread. Ballots are planned by the hall's own batch planning and written by its storage,
//! so the hash chain verifies and the running totals are the casting transaction's.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration};
use linli_api::hall::{Eligibility, Matter, NewVote, VoteKind};
use linli_api::ids::{HouseholdId, UserId, VoteId};
use linli_api::topics::ProposalRules;
use rand::Rng;
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::people::Town;
use super::{text, Seeding};
use crate::hall::ballot::{genesis, Phase};
use crate::hall::batch::{self, Incoming};
use crate::hall::storage::{self as votes, ChainRow, ParticipationRow};
use crate::notices::rules::render_markdown;

/// Ballots planned and written per statement.
const BALLOTS_PER_BATCH: usize = 500;

/// One ballot to cast: for whom, under which key, what, and the area it carries.
struct Ballot {
    voter_key: String,
    resident: UserId,
    household: Option<HouseholdId>,
    choices: Vec<u32>,
    area: i64,
}

/// The owners' vote (open, every owner has voted) and the residents' earlier votes.
pub async fn votes(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town) -> Result<(VoteId, usize), crate::error::AppError> {
    let staff = town.staff[0].id;
    let owners_vote = NewVote {
        question: "是否同意续聘现物业服务企业（2026—2028年度）？".into(),
        description: "根据《民法典》第二百七十八条，续聘物业服务企业须经专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决。".into(),
        kind: VoteKind::YesNoAbstain,
        options: vec![],
        max_choices: None,
        eligibility: Eligibility::Owners,
        matter: Some(Matter::PropertyCompany),
        secret: true,
        final_on_cast: false,
        opens_at: seeding.now - Duration::days(3),
        closes_at: seeding.now + Duration::days(14),
    };
    // Through the hall's own opening: the register snapshot the vote counts is taken here.
    let owners = crate::hall::routes::open_vote(&mut *conn, town.community, staff, &owners_vote, seeding.now).await?;
    let ballots: Vec<Ballot> = town
        .homes
        .iter()
        .enumerate()
        .map(|(h, home)| Ballot {
            voter_key: format!("unit:{}", home.id),
            resident: town.residents[home.residents[0]].id,
            household: Some(home.id),
            choices: vec![[0, 0, 0, 0, 0, 0, 0, 1, 1, 2][h % 10]],
            area: home.area,
        })
        .collect();
    let mut rows = cast(conn, seeding, owners, &ballots, owners_vote.opens_at, seeding.now).await?;

    // Earlier votes of the residents, one every three weeks, the newest still open.
    let description_html = render_markdown("请各位居民踊跃参与。");
    for v in 1..seeding.sizes.votes {
        let opens_at = seeding.now - Duration::days(21 * v as i64);
        let single = v % 2 == 0;
        let vote = NewVote {
            question: format!("第{}期社区议题：{}", v, text::pick(&text::TOPIC_TITLES, v)),
            description: "请各位居民踊跃参与。".into(),
            kind: if single { VoteKind::Single } else { VoteKind::YesNoAbstain },
            options: if single { vec!["方案一".into(), "方案二".into(), "方案三".into()] } else { vec![] },
            max_choices: None,
            eligibility: Eligibility::Residents,
            matter: None,
            secret: false,
            final_on_cast: false,
            opens_at,
            closes_at: if v == 1 { seeding.now + Duration::days(5) } else { opens_at + Duration::days(7) },
        };
        let id = votes::insert_vote(&mut *conn, town.community, staff, &vote, &description_html, 1, opens_at).await?;
        let ballots: Vec<Ballot> = (0..seeding.sizes.ballots_per_vote)
            .map(|b| {
                let resident = town.resident(v * 977 + b * 13);
                Ballot {
                    voter_key: format!("resident:{}", resident.id),
                    resident: resident.id,
                    household: resident.household,
                    choices: vec![(b % 3) as u32],
                    area: 0,
                }
            })
            .collect();
        let ballots = distinct_voters(ballots);
        let closes = if v == 1 { seeding.now } else { vote.closes_at };
        rows += cast(conn, seeding, id, &ballots, opens_at, closes).await?;
    }
    super::bulk::continue_ids(conn, seeding.backend, &["votes", "register_snapshots"]).await?;
    Ok((owners, rows))
}

fn distinct_voters(ballots: Vec<Ballot>) -> Vec<Ballot> {
    let mut seen = HashSet::new();
    ballots.into_iter().filter(|ballot| seen.insert(ballot.voter_key.clone())).collect()
}

/// Casts `ballots` in batches spread evenly between `from` and `until`, each batch as the
/// ballot box writes one: planned (chain places and hashes, totals' changes), then the
/// chain entries, the counted ballots, the chain's head and the totals.
async fn cast(
    conn: &mut AnyConnection,
    seeding: &mut Seeding,
    vote: VoteId,
    ballots: &[Ballot],
    from: DateTime<chrono::Utc>,
    until: DateTime<chrono::Utc>,
) -> Result<usize, sqlx::Error> {
    let (mut length, mut head) = (0, genesis(vote.0));
    let batches = ballots.len().div_ceil(BALLOTS_PER_BATCH).max(1);
    let step = (until - from) / (batches as i32 + 1);
    let mut receipts = HashSet::new();
    for (n, batch) in ballots.chunks(BALLOTS_PER_BATCH).enumerate() {
        let at = from + step * (n as i32 + 1);
        let incoming: Vec<Incoming> = batch
            .iter()
            .map(|ballot| Incoming {
                voter_key: ballot.voter_key.clone(),
                choices: ballot.choices.clone(),
                area: ballot.area,
                receipt: unique_receipt(seeding, &mut receipts),
            })
            .collect();
        let plan = batch::plan(&incoming, length, &head, &HashMap::new(), Phase::Open, false, at.timestamp_millis());
        let appended: Vec<_> = plan.outcomes.iter().filter_map(|outcome| outcome.as_ref().ok()).collect();
        let chain: Vec<ChainRow> = appended
            .iter()
            .map(|a| ChainRow { sequence: a.sequence, receipt: &incoming[a.ballot].receipt, choices: &incoming[a.ballot].choices, hash: &a.hash })
            .collect();
        let sequences: HashMap<usize, i64> = appended.iter().map(|a| (a.ballot, a.sequence)).collect();
        let participation: Vec<ParticipationRow> = plan
            .counted
            .values()
            .map(|&index| ParticipationRow {
                voter_key: &batch[index].voter_key,
                resident: batch[index].resident,
                cast_by: batch[index].resident,
                household: batch[index].household,
                area: batch[index].area,
                counted_sequence: sequences[&index],
            })
            .collect();
        votes::append_chain(&mut *conn, vote, at, &chain).await?;
        votes::count_ballots(&mut *conn, vote, at, &participation).await?;
        votes::set_chain(&mut *conn, vote, plan.length, &plan.head).await?;
        votes::add_to_totals(&mut *conn, vote, &plan.deltas).await?;
        (length, head) = (plan.length, plan.head);
    }
    Ok(ballots.len() * 2)
}

/// A receipt like the ballot box draws, never one this vote already gave.
fn unique_receipt(seeding: &mut Seeding, given: &mut HashSet<String>) -> String {
    loop {
        let receipt = crate::community::rules::new_invite_code(&mut seeding.rng);
        if given.insert(receipt.clone()) {
            return receipt;
        }
    }
}

/// Topics over three years, newest first: the owners' vote's discussion (index 0) with the
/// big thread, proposals still gathering support, and the rest with a few comments each.
pub async fn topics(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town, owners_vote: VoteId) -> Result<usize, sqlx::Error> {
    let sizes = seeding.sizes;
    // A community of 10,000 households asks more support of a proposal than the default.
    let rules = ProposalRules { support_households: 200, support_days: 14, vote_days: 7 };
    crate::hall::topics::storage::set_proposal_rules(&mut *conn, town.community, rules).await?;
    let first = Ids::of(conn, "topics").await?.take();
    let bodies: Vec<(String, String)> = text::COMMENTS.iter().map(|body| (body.to_string(), render_markdown(body))).collect();
    let mut table = Table::new(
        "topics",
        &["id", "community_id", "title", "body_markdown", "body_html", "images", "author_id", "created_at", "proposal", "support_needed",
          "support_deadline", "vote_days", "vote_id"],
    );
    let mut gathering = Vec::new();
    let mut topics = Vec::with_capacity(sizes.topics);
    // Oldest first, so that ids grow with time as the server gives them.
    for t in (0..sizes.topics).rev() {
        let id = first + (sizes.topics - 1 - t) as i64;
        // The thread is ten days old; the others one every five hours or so, back three years.
        let created = seeding.ago(if t == 0 { 10.0 } else { t as f64 * 1_095.0 / sizes.topics as f64 });
        let by_staff = t == 0 || t % 5 == 0;
        let author = if by_staff { town.staff[t % town.staff.len()].id } else { town.resident(t * 37).id };
        let proposal = !by_staff;
        // The newest proposals (four in five topics are) are still gathering support.
        let deadline = if proposal && t <= sizes.proposals_gathering * 5 / 4 { seeding.now_millis() + 86_400_000 * (1 + (t % 13) as i64) } else { created + 14 * 86_400_000 };
        if proposal && deadline > seeding.now_millis() {
            gathering.push(id);
        }
        let (body, html) = &bodies[t % bodies.len()];
        let title = if t == 0 { "关于续聘物业服务企业的讨论".to_owned() } else { format!("{}（{}）", text::pick(&text::TOPIC_TITLES, t), t) };
        let vote = (t == 0).then_some(owners_vote.0);
        let support_needed = if proposal { i64::from(rules.support_households) } else { 0 };
        table
            .add(conn, row![id, town.community.0, title, body.as_str(), html.as_str(), "", author.0, created, proposal, support_needed, deadline, 7_i64, vote])
            .await?;
        topics.push((id, created));
    }
    let mut rows = table.finish(conn).await?;
    topics.reverse();
    rows += comments(conn, seeding, town, &topics).await?;
    rows += support(conn, seeding, town, &gathering).await?;
    super::bulk::continue_ids(conn, seeding.backend, &["topics", "topic_comments"]).await?;
    Ok(rows)
}

/// A comment to write: where, by whom, what, when, and whether a moderator hid it.
struct NewComment<'a> {
    topic: i64,
    parent: Option<i64>,
    author: UserId,
    body: &'a str,
    at: i64,
    hidden: Option<(&'a str, UserId)>,
}

/// Writes comments in id order, so that a reply's parent is always written before it.
struct Comments {
    table: Table,
    ids: Ids,
}

impl Comments {
    async fn add(&mut self, conn: &mut AnyConnection, comment: NewComment<'_>) -> Result<i64, sqlx::Error> {
        let id = self.ids.take();
        let (reason, by, hidden_at) = match comment.hidden {
            Some((reason, by)) => (Some(reason), Some(by.0), Some(comment.at + 3_600_000)),
            None => (None, None, None),
        };
        let row = row![id, comment.topic, comment.parent, comment.author.0, comment.body, "", comment.at, reason, by, hidden_at];
        self.table.add(conn, row).await?;
        Ok(id)
    }
}

async fn comments(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town, topics: &[(i64, i64)]) -> Result<usize, sqlx::Error> {
    let sizes = seeding.sizes;
    let table = Table::new(
        "topic_comments",
        &["id", "topic_id", "parent_id", "author_id", "body", "images", "created_at", "hidden_reason", "hidden_by", "hidden_at"],
    );
    let mut comments = Comments { table, ids: Ids::of(conn, "topic_comments").await? };
    let moderator = town.staff[0].id;
    let body = |i: usize| text::pick(&text::COMMENTS, i);

    // The big thread: four fifths top-level comments over ten days, then the replies: half
    // of them to the first comment (its replies page deep), the rest two each to others.
    let (thread, started) = topics[0];
    let replies = sizes.thread_comments / 5;
    let top = sizes.thread_comments - replies;
    let spacing = 10 * 86_400_000 / top.max(1) as i64;
    let mut top_ids = Vec::with_capacity(top);
    for c in 0..top {
        let hidden = (c % 500 == 499).then_some(("含有广告", moderator));
        let comment = NewComment { topic: thread, parent: None, author: town.resident(c * 7).id, body: body(c), at: started + spacing * c as i64, hidden };
        top_ids.push(comments.add(conn, comment).await?);
    }
    for r in 0..replies {
        let parent = if r < replies / 2 || top < 2 { 0 } else { 1 + (r - replies / 2) / 2 * 7 % (top - 1).max(1) };
        let at = started + spacing * parent as i64 + 60_000 * (r as i64 + 1);
        let reply = NewComment { topic: thread, parent: Some(top_ids[parent]), author: town.resident(r * 11 + 3).id, body: body(r + 3), at, hidden: None };
        comments.add(conn, reply).await?;
    }

    // Every other topic: up to eight comments, a reply on every tenth.
    for (t, (topic, created)) in topics.iter().enumerate().skip(1) {
        let count = seeding.rng.gen_range(0..=sizes.comments_per_topic);
        let mut first = None;
        for c in 0..count {
            let at = created + 3_600_000 * (c as i64 + 1);
            let id = comments.add(conn, NewComment { topic: *topic, parent: None, author: town.resident(t * 13 + c).id, body: body(t + c), at, hidden: None }).await?;
            first.get_or_insert(id);
        }
        if let (Some(first), true) = (first, t % 10 == 0) {
            let reply = NewComment { topic: *topic, parent: Some(first), author: town.resident(t * 17).id, body: body(t + 5), at: created + 86_400_000, hidden: None };
            comments.add(conn, reply).await?;
        }
    }
    comments.table.finish(conn).await
}

/// Households backing the proposals still gathering support: up to just under the number
/// needed, so they keep gathering.
async fn support(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town, gathering: &[i64]) -> Result<usize, sqlx::Error> {
    let mut table = Table::new("topic_support", &["topic_id", "household_id", "user_id", "supported_at"]);
    for (g, topic) in gathering.iter().enumerate() {
        let count = seeding.rng.gen_range(0..200).min(town.homes.len());
        for s in 0..count {
            let home = &town.homes[(g * 211 + s) % town.homes.len()];
            let at = seeding.ago(s as f64 / 100.0);
            table.add(conn, row![*topic, home.id.0, town.residents[home.residents[0]].id.0, at]).await?;
        }
    }
    table.finish(conn).await
}
