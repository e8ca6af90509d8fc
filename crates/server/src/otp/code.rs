//! The one-time code: drawn from the OS CSPRNG, kept only as an HMAC-SHA256 under a server
//! secret, compared in constant time. [`OneTimeCode`] has no `Display` and a redacted `Debug`
//! so it cannot slip into a log line by accident.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

/// A six-digit code. Its digits are only reachable through [`OneTimeCode::expose`].
pub struct OneTimeCode(String);

impl OneTimeCode {
    /// A uniformly random code `000000`–`999999` (rejection sampling, no modulo bias).
    pub fn generate() -> OneTimeCode {
        // The largest multiple of 1,000,000 that fits in a u32.
        const LIMIT: u32 = 4_294_000_000;
        loop {
            let mut bytes = [0u8; 4];
            getrandom::fill(&mut bytes).expect("the OS random number generator failed");
            let n = u32::from_le_bytes(bytes);
            if n < LIMIT {
                return OneTimeCode(format!("{:06}", n % 1_000_000));
            }
        }
    }

    /// What staff typed: spaces and dashes removed; `None` unless exactly six digits.
    pub fn parse(input: &str) -> Option<OneTimeCode> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then_some(OneTimeCode(digits))
    }

    /// The digits, for the SMS text and the HMAC only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OneTimeCode(<redacted>)")
    }
}

/// The keyed hash of codes. The key never leaves this type (redacted `Debug`).
#[derive(Clone)]
pub struct CodeMac {
    key: std::sync::Arc<[u8]>,
}

impl std::fmt::Debug for CodeMac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeMac(<redacted>)")
    }
}

impl CodeMac {
    pub fn new(key: &[u8]) -> CodeMac {
        CodeMac { key: key.into() }
    }

    fn keyed(&self, challenge: Uuid) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        // The challenge id binds a hash to its challenge: equal codes hash differently.
        mac.update(challenge.as_bytes());
        mac
    }

    /// HMAC-SHA256(secret, challenge id ‖ code).
    pub fn mac(&self, challenge: Uuid, code: &OneTimeCode) -> Vec<u8> {
        let mut mac = self.keyed(challenge);
        mac.update(code.0.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// Whether `code` is the one whose MAC is `stored` (constant-time comparison).
    pub fn matches(&self, challenge: Uuid, code: &OneTimeCode, stored: &[u8]) -> bool {
        let mut mac = self.keyed(challenge);
        mac.update(code.0.as_bytes());
        mac.verify_slice(stored).is_ok()
    }
}

/// 32 random bytes, hex encoded: a new server secret.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random number generator failed");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_vary() {
        let codes: Vec<String> = (0..200)
            .map(|_| OneTimeCode::generate().expose().to_owned())
            .collect();
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()))
        );
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert!(distinct.len() > 190);
        assert_eq!(
            format!("{:?}", OneTimeCode::generate()),
            "OneTimeCode(<redacted>)"
        );
    }

    #[test]
    fn parse_strips_spaces_and_needs_six_digits() {
        assert_eq!(OneTimeCode::parse(" 123 456 ").unwrap().expose(), "123456");
        assert_eq!(OneTimeCode::parse("123-456").unwrap().expose(), "123456");
        assert!(OneTimeCode::parse("12345").is_none());
        assert!(OneTimeCode::parse("12345a").is_none());
        assert!(OneTimeCode::parse("1234567").is_none());
    }

    #[test]
    fn mac_is_keyed_and_bound_to_the_challenge() {
        let id = Uuid::from_u128(1);
        let code = OneTimeCode::parse("123456").unwrap();
        let a = CodeMac::new(b"key-a");
        let stored = a.mac(id, &code);
        assert!(a.matches(id, &code, &stored));
        assert!(!a.matches(Uuid::from_u128(2), &code, &stored));
        assert!(!CodeMac::new(b"key-b").matches(id, &code, &stored));
        assert!(!a.matches(id, &OneTimeCode::parse("123457").unwrap(), &stored));
        assert_ne!(stored, b"123456");
    }
}
