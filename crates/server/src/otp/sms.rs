//! The SMS text (nb, nn, en) and the delivery state staff see for a Notifications status.

use altinn::notifications::ProcessingLifecycle;
use portal_api::otp::{Delivery, DeliveryState};

/// The SMS text in `language` (`nb` when unknown).
pub fn sms_body(language: &str, code: &str, minutes: u32) -> String {
    match language {
        "en" => {
            let unit = if minutes == 1 { "minute" } else { "minutes" };
            format!("Your one-time code is: {code}. The code expires in {minutes} {unit}.")
        }
        "nn" => format!("Eingongskoden din er: {code}. Koden går ut om {minutes} minutt."),
        _ => {
            let unit = if minutes == 1 { "minutt" } else { "minutter" };
            format!("Din engangskode er: {code}. Koden utløper om {minutes} {unit}.")
        }
    }
}

pub fn language(requested: Option<&str>) -> &'static str {
    let primary = requested
        .unwrap_or("nb")
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "en" => "en",
        "nn" => "nn",
        _ => "nb",
    }
}

/// The delivery state staff see, from a Notifications SMS status.
pub fn delivery_of(status: &ProcessingLifecycle) -> Delivery {
    use ProcessingLifecycle as P;
    let (state, reason) = match status {
        P::SmsNew | P::SmsSending => (DeliveryState::Sending, None),
        P::SmsAccepted => (DeliveryState::Accepted, None),
        P::SmsDelivered => (DeliveryState::Delivered, None),
        P::SmsFailedInvalidRecipient => (DeliveryState::Failed, Some("invalid-recipient")),
        P::SmsFailedRecipientReserved => (DeliveryState::Failed, Some("recipient-reserved")),
        P::SmsFailedBarredReceiver => (DeliveryState::Failed, Some("barred-receiver")),
        P::SmsFailedDeleted => (DeliveryState::Failed, Some("deleted")),
        P::SmsFailedExpired => (DeliveryState::Failed, Some("expired")),
        P::SmsFailedUndelivered => (DeliveryState::Failed, Some("undelivered")),
        P::SmsFailedRecipientNotIdentified => {
            (DeliveryState::Failed, Some("recipient-not-identified"))
        }
        P::SmsFailedRejected => (DeliveryState::Failed, Some("rejected")),
        P::SmsFailedTtl => (DeliveryState::Failed, Some("ttl-expired")),
        P::SmsFailed => (DeliveryState::Failed, Some("failed")),
        P::Unknown(s) if s.starts_with("SMS_Failed") => (DeliveryState::Failed, Some("failed")),
        _ => (DeliveryState::Unknown, None),
    };
    Delivery {
        state,
        status: Some(status.as_str().to_owned()),
        reason: reason.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_texts_in_three_languages() {
        assert_eq!(
            sms_body("nb", "123456", 5),
            "Din engangskode er: 123456. Koden utløper om 5 minutter."
        );
        assert_eq!(
            sms_body("nn", "123456", 5),
            "Eingongskoden din er: 123456. Koden går ut om 5 minutt."
        );
        assert_eq!(
            sms_body("en", "123456", 1),
            "Your one-time code is: 123456. The code expires in 1 minute."
        );
        assert_eq!(language(Some("nb-NO")), "nb");
        assert_eq!(language(Some("EN")), "en");
        assert_eq!(language(Some("xx")), "nb");
        assert_eq!(language(None), "nb");
    }

    #[test]
    fn delivery_states_with_reasons_and_unknowns() {
        let d = delivery_of(&ProcessingLifecycle::SmsFailedInvalidRecipient);
        assert_eq!(d.state, DeliveryState::Failed);
        assert_eq!(d.reason.as_deref(), Some("invalid-recipient"));
        assert_eq!(
            delivery_of(&ProcessingLifecycle::SmsFailedTtl)
                .reason
                .as_deref(),
            Some("ttl-expired")
        );
        assert_eq!(
            delivery_of(&ProcessingLifecycle::SmsAccepted).state,
            DeliveryState::Accepted
        );
        let new = delivery_of(&ProcessingLifecycle::Unknown("SMS_Failed_Martians".into()));
        assert_eq!(new.state, DeliveryState::Failed);
        assert_eq!(new.status.as_deref(), Some("SMS_Failed_Martians"));
        assert_eq!(
            delivery_of(&ProcessingLifecycle::Unknown("SMS_Teleported".into())).state,
            DeliveryState::Unknown
        );
    }
}
