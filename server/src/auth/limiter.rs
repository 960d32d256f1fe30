//! Sign-in attempts are limited per phone number and per client address (governor's
//! keyed GCRA limiters), so guessing passwords is slow whichever one an attacker varies.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct SignInLimiter {
    per_phone: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
}

impl SignInLimiter {
    /// `per_phone` and `per_address` attempts a minute, each with that burst.
    pub fn new(per_phone: u32, per_address: u32) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).expect("at least one"));
        Self {
            per_phone: RateLimiter::keyed(quota(per_phone)),
            per_address: RateLimiter::keyed(quota(per_address)),
        }
    }

    /// Takes one attempt from both budgets; false when either is spent.
    pub fn allow(&self, phone: &str, address: IpAddr) -> bool {
        let phone_ok = self.per_phone.check_key(&phone.to_owned()).is_ok();
        let address_ok = self.per_address.check_key(&address).is_ok();
        phone_ok && address_ok
    }

    /// Forgets keys whose budget is full again, so memory stays bounded.
    pub fn prune(&self) {
        self.per_phone.retain_recent();
        self.per_address.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_per_phone_and_per_address() {
        let limiter = SignInLimiter::new(3, 5);
        let home: IpAddr = "127.0.0.1".parse().unwrap();
        assert!((0..3).all(|_| limiter.allow("13800000000", home)));
        assert!(!limiter.allow("13800000000", home), "fourth try on one phone");
        assert!(limiter.allow("13900000000", home), "another phone still has budget");
        assert!(!limiter.allow("13700000000", home), "the address spent its five");
        let elsewhere: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(!limiter.allow("13800000000", elsewhere), "the phone is still spent");
    }
}
