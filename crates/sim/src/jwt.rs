//! Compact JWS with Ed25519 (`alg: EdDSA`): signing, verification and the JWKS.
//!
//! The key pair is derived deterministically from the simulator's seed, so two simulators with
//! the same seed accept each other's tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The signing key of a simulator.
#[derive(Clone)]
pub struct Keys {
    signing: SigningKey,
    kid: String,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

/// Why a token was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError {
    Malformed,
    UnsupportedAlg,
    BadSignature,
    Expired,
}

impl std::fmt::Display for JwtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            JwtError::Malformed => "malformed token",
            JwtError::UnsupportedAlg => "unsupported alg",
            JwtError::BadSignature => "bad signature",
            JwtError::Expired => "token expired",
        })
    }
}

impl std::error::Error for JwtError {}

impl Keys {
    /// The key pair for `seed` (`purpose` separates e.g. ID-porten from dialog-token keys).
    pub fn from_seed(seed: u64, purpose: &str) -> Keys {
        let mut h = Sha256::new();
        h.update(b"altinn-sim ed25519 ");
        h.update(purpose.as_bytes());
        h.update(seed.to_le_bytes());
        let secret: [u8; 32] = h.finalize().into();
        let signing = SigningKey::from_bytes(&secret);
        let fp = Sha256::digest(signing.verifying_key().as_bytes());
        let kid = format!("sim-{purpose}-{}", hex(&fp[..6]));
        Keys { signing, kid }
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    /// Signs `claims` as a compact JWS (header `{alg:EdDSA, typ:JWT, kid}`).
    pub fn sign(&self, claims: &Value) -> String {
        let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": self.kid});
        let input = format!(
            "{}.{}",
            B64.encode(header.to_string()),
            B64.encode(claims.to_string())
        );
        let sig = self.signing.sign(input.as_bytes());
        format!("{input}.{}", B64.encode(sig.to_bytes()))
    }

    /// Verifies a token signed by this key; see [`verify`].
    pub fn verify(&self, token: &str, now: i64) -> Result<Value, JwtError> {
        verify(&self.verifying_key(), token, now)
    }

    /// The public key as a JWK (`kty: OKP`, `crv: Ed25519`).
    pub fn jwk(&self) -> Value {
        json!({
            "kty": "OKP",
            "crv": "Ed25519",
            "alg": "EdDSA",
            "use": "sig",
            "kid": self.kid,
            "x": B64.encode(self.verifying_key().as_bytes()),
        })
    }
}

/// Verifies the signature of a compact EdDSA JWS and its `exp`/`nbf` (unix seconds, against
/// `now`, 30 s leeway) and returns the claims.
pub fn verify(key: &VerifyingKey, token: &str, now: i64) -> Result<Value, JwtError> {
    let claims = verify_signature(key, token)?;
    if let Some(exp) = claims.get("exp").and_then(Value::as_i64)
        && exp + 30 <= now
    {
        return Err(JwtError::Expired);
    }
    if let Some(nbf) = claims.get("nbf").and_then(Value::as_i64)
        && nbf > now + 30
    {
        return Err(JwtError::Expired);
    }
    Ok(claims)
}

/// Verifies only the signature of a compact EdDSA JWS (not its times) and returns the
/// claims: for hints such as an expired ID token at logout.
pub fn verify_signature(key: &VerifyingKey, token: &str) -> Result<Value, JwtError> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed);
    };
    let header: Value = B64
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Malformed)?;
    if header.get("alg").and_then(Value::as_str) != Some("EdDSA") {
        return Err(JwtError::UnsupportedAlg);
    }
    let sig_bytes: [u8; 64] = B64
        .decode(s)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(JwtError::Malformed)?;
    let sig = Signature::from_bytes(&sig_bytes);
    key.verify(format!("{h}.{p}").as_bytes(), &sig)
        .map_err(|_| JwtError::BadSignature)?;
    let claims: Value = B64
        .decode(p)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Malformed)?;
    Ok(claims)
}

pub(crate) fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_roundtrip_and_tamper() {
        let k = Keys::from_seed(7, "idporten");
        let t = k.sign(&json!({"sub": "x", "exp": 2_000_000_000}));
        assert_eq!(k.verify(&t, 1_000).unwrap()["sub"], "x");
        assert_eq!(k.verify(&t, 2_000_000_100), Err(JwtError::Expired));
        let other = Keys::from_seed(8, "idporten");
        assert_eq!(other.verify(&t, 1_000), Err(JwtError::BadSignature));
        assert_eq!(Keys::from_seed(7, "idporten").kid(), k.kid());
    }
}
