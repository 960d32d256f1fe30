//! Neighbours helping each other: three years of micro-wishes (most fulfilled and thanked
//! for, the newest still pending, on the board, claimed or done), a year of one-tap help
//! requests (a few open now), and family members linked to residents with the history of
//! what they did for them.

use chrono::Duration;
use linli_api::family::{FamilyActivityKind, Grant};
use linli_api::wishes::{WishCategory, WishEventKind as Kind, WishState};
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::people::{Person, Town};
use super::{text, Seeding};
use crate::family::rules::encode_grants;

const DAY: i64 = 86_400_000;

pub async fn help_each_other(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let mut rows = wishes(conn, seeding, town).await?;
    rows += help(conn, seeding, town).await?;
    rows += family(conn, seeding, town).await?;
    super::bulk::continue_ids(conn, seeding.backend, &["wishes", "wish_claims", "wish_events", "help_requests", "family_links", "family_activity"]).await?;
    Ok(rows)
}

/// Wish `w`'s state, counting back from the newest: the newest sixth are still under way.
fn wish_state(w: usize, count: usize) -> WishState {
    if w < count / 6 {
        return [WishState::Pending, WishState::Open, WishState::Open, WishState::Claimed, WishState::Fulfilled, WishState::Rejected][w % 6];
    }
    match w % 20 {
        0 | 1 => WishState::Withdrawn,
        2 => WishState::Rejected,
        _ => WishState::Closed,
    }
}

async fn wishes(conn: &mut AnyConnection, seeding: &Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let count = seeding.sizes.wishes;
    let first = Ids::of(conn, "wishes").await?.take();
    let mut claim_ids = Ids::of(conn, "wish_claims").await?;
    let mut event_ids = Ids::of(conn, "wish_events").await?;
    let mut wishes = Table::new(
        "wishes",
        &["id", "community_id", "wisher_id", "wisher_name", "wisher_phone", "household_id", "posted_by", "what", "why", "category", "wanted_by", "state",
          "reason", "thanks", "posted_at", "closed_at"],
    );
    let mut claims = Table::new(
        "wish_claims",
        &["id", "wish_id", "claimer_id", "claimer_name", "organisation", "claimed_at", "expires_at", "note", "minutes", "fulfilled_at", "outcome",
          "ended_at"],
    );
    let mut events = Table::new("wish_events", &["id", "wish_id", "kind", "actor_id", "actor_name", "detail", "at"]);
    let staff = &town.staff[0];
    let volunteers = seeding.sizes.volunteers.min(town.residents.len() - 1);
    for w in (0..count).rev() {
        let id = first + (count - 1 - w) as i64;
        let state = wish_state(w, count);
        // The benchmark's resident wished one wish in fifty; a volunteer is never the wisher.
        let wisher = if w % 50 == 0 { town.resident(0) } else { town.resident(w * 31 + 2) };
        let volunteer = if state != WishState::Closed && w % 3 == 0 { town.resident(0) } else { town.resident(1 + w % volunteers * 53) };
        let volunteer = if volunteer.id == wisher.id { town.resident(7) } else { volunteer };
        let posted = seeding.ago(0.2 + w as f64 * 1_095.0 / count as f64);
        let wanted_by = (seeding.now + Duration::days(7) - Duration::days((w as i64 * 1_095) / count as i64)).date_naive();
        let closed = matches!(state, WishState::Closed | WishState::Withdrawn | WishState::Rejected).then_some(posted + 10 * DAY);
        let reason = (state == WishState::Rejected).then_some("不属于微心愿范围，已转交社区服务中心");
        let thanks = (state == WishState::Closed && w % 5 != 0).then(|| format!("谢谢{}，帮了我大忙！", volunteer.name));
        let category = WishCategory::ALL[w % WishCategory::ALL.len()];
        let row = row![
            id, town.community.0, wisher.id.0, wisher.name.as_str(), format!("139{:08}", w), wisher.household.map(|h| h.0), wisher.id.0,
            text::pick(&text::WISHES, w), "家里老人行动不便，麻烦热心邻居帮帮忙。", category.as_str(), wanted_by.to_string(), state.as_str(), reason, thanks.clone(),
            posted, closed
        ];
        wishes.add(conn, row).await?;

        let mut record = |kind: Kind, actor: &Person, detail: &str, at: i64| row![event_ids.take(), id, kind.as_str(), actor.id.0, actor.name.as_str(), detail, at];
        let mut steps = vec![record(Kind::Posted, wisher, "", posted)];
        match state {
            WishState::Pending => {}
            WishState::Rejected => steps.push(record(Kind::Rejected, staff, reason.unwrap_or(""), posted + DAY)),
            _ => steps.push(record(Kind::Approved, staff, "", posted + DAY)),
        }
        let claimed = posted + 2 * DAY;
        let organisation = (w % 2 == 0).then(|| text::pick(&text::ORGANISATIONS, w));
        // The claim that counts now: live while claimed or fulfilled, confirmed when closed.
        let claim = match state {
            WishState::Claimed => Some((None, None, None)),
            WishState::Fulfilled => Some((Some(claimed + DAY), None, None)),
            WishState::Closed => Some((Some(claimed + DAY), Some("confirmed"), closed)),
            _ => None,
        };
        if let Some((fulfilled, outcome, ended)) = claim {
            let minutes = fulfilled.map(|_| 30 + (w % 4) as i64 * 30);
            let note = fulfilled.map(|_| "已经办好了。");
            let expires = if ended.is_none() { seeding.now_millis() + 5 * DAY } else { claimed + 14 * DAY };
            let claim_row = row![
                claim_ids.take(), id, volunteer.id.0, volunteer.name.as_str(), organisation, claimed, expires, note, minutes, fulfilled, outcome, ended
            ];
            claims.add_under(conn, &mut wishes, claim_row).await?;
            steps.push(record(Kind::Claimed, volunteer, organisation.unwrap_or(""), claimed));
            if let Some(at) = fulfilled {
                steps.push(record(Kind::Fulfilled, volunteer, "已经办好了。", at));
            }
            if let (Some(at), Some(_)) = (ended, outcome) {
                steps.push(record(Kind::Confirmed, wisher, thanks.as_deref().unwrap_or(""), at));
            }
        }
        if state == WishState::Withdrawn {
            steps.push(record(Kind::Withdrawn, wisher, "", closed.unwrap_or(posted)));
        }
        for step in steps {
            events.add_under(conn, &mut wishes, step).await?;
        }
    }
    let mut rows = wishes.finish(conn).await?;
    rows += claims.finish(conn).await?;
    Ok(rows + events.finish(conn).await?)
}

/// A year of help requests, newest first: a few still open (the benchmark's resident's
/// among them, with someone on the way), a day's worth closed recently, the rest long closed.
async fn help(conn: &mut AnyConnection, seeding: &Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let count = seeding.sizes.help_requests;
    let first = Ids::of(conn, "help_requests").await?.take();
    let open = (count / 200).max(1);
    let mut table = Table::new(
        "help_requests",
        &["id", "community_id", "resident_id", "resident_name", "household_id", "callback_phone", "raised_at", "acknowledged_by", "acknowledger_name",
          "acknowledged_at", "closed_by", "closed_at"],
    );
    for h in (0..count).rev() {
        // Open requests belong to different residents (one open each), the first to resident 0.
        let resident = if h < open { town.resident(h * 101) } else { town.resident(h * 7 + 1) };
        let raised = if h < open { seeding.ago(0.01 * (h + 1) as f64) } else { seeding.ago(h as f64 * 365.0 / count as f64) };
        let staff = &town.staff[h % town.staff.len()];
        let acknowledged = (h % 4 != 1).then_some(raised + 120_000);
        let closed = (h >= open).then_some(raised + 1_800_000);
        let row = row![
            first + (count - 1 - h) as i64, town.community.0, resident.id.0, resident.name.as_str(), resident.household.map(|x| x.0),
            format!("139{:08}", h), raised, acknowledged.map(|_| staff.id.0), acknowledged.map(|_| staff.name.as_str()), acknowledged,
            closed.map(|_| staff.id.0), closed
        ];
        table.add(conn, row).await?;
    }
    table.finish(conn).await
}

/// Family member `i` linked to their relative; the first (the benchmark's family member)
/// also to two more residents, with all grants and the longest history.
async fn family(conn: &mut AnyConnection, seeding: &Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let sizes = seeding.sizes;
    let mut link_ids = Ids::of(conn, "family_links").await?;
    let mut activity_ids = Ids::of(conn, "family_activity").await?;
    let mut links = Table::new("family_links", &["id", "community_id", "resident_id", "member_id", "grants", "created_at"]);
    let mut activity = Table::new("family_activity", &["id", "community_id", "link_id", "resident_id", "member_id", "kind", "detail", "at"]);
    let all = encode_grants(&Grant::ALL);
    let some = encode_grants(&[Grant::ReadNotices, Grant::BookAppointments, Grant::PostWishes]);
    let mut pairs: Vec<(usize, usize)> = (0..town.family.len()).map(|member| (member, town.relative_of(member))).collect();
    pairs.extend([(0, town.relative_of(1)), (0, town.relative_of(2))].into_iter().filter(|(_, resident)| *resident != 0));
    pairs.sort_unstable();
    pairs.dedup();
    for (member, resident) in pairs {
        let (member, relative) = (&town.family[member], &town.residents[resident]);
        let id = link_ids.take();
        let first_link = member.id == town.family[0].id && resident == 0;
        let since = seeding.ago(if first_link { 700.0 } else { 300.0 });
        links.add(conn, row![id, town.community.0, relative.id.0, member.id.0, if first_link { all.as_str() } else { some.as_str() }, since]).await?;
        let entries = if first_link { sizes.family_activity_of_resident } else { sizes.family_activity_each };
        for e in 0..entries {
            let (kind, detail) = match e {
                0 => (FamilyActivityKind::Linked, if first_link { all.clone() } else { some.clone() }),
                _ => match e % 4 {
                    0 => (FamilyActivityKind::BookedAppointment, "养老金资格认证".to_owned()),
                    1 => (FamilyActivityKind::ReadNotice, text::pick(&text::NOTICE_TITLES, e).to_owned()),
                    2 => (FamilyActivityKind::PostedWish, text::pick(&text::WISHES, e).to_owned()),
                    _ => (FamilyActivityKind::ReportedProblem, text::pick(&text::REPORT_PLACES, e).to_owned()),
                },
            };
            let at = since + (e as i64 * (seeding.now_millis() - since)) / entries as i64;
            activity.add_under(conn, &mut links, row![activity_ids.take(), town.community.0, id, relative.id.0, member.id.0, kind.as_str(), detail, at]).await?;
        }
    }
    let rows = links.finish(conn).await?;
    Ok(rows + activity.finish(conn).await?)
}
