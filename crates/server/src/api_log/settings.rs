//! `PORTAL_API_LOG`: whether the developer API log is kept and served.

use std::collections::HashMap;

use crate::config::Environment;

/// On by default, except in production, where it must be asked for.
pub fn parse(
    settings: &HashMap<String, String>,
    environment: Environment,
    errors: &mut Vec<String>,
) -> bool {
    let default = environment != Environment::Production;
    let Some(text) = settings
        .get("api_log")
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
    else {
        return default;
    };
    match text.as_str() {
        "true" | "on" | "yes" | "1" => true,
        "false" | "off" | "no" | "0" => false,
        _ => {
            errors.push(format!(
                "PORTAL_API_LOG: {text:?} is not on or off (true|false|on|off|1|0)"
            ));
            default
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_with(value: Option<&str>, environment: Environment) -> (bool, Vec<String>) {
        let mut settings = HashMap::new();
        if let Some(v) = value {
            settings.insert("api_log".to_owned(), v.to_owned());
        }
        let mut errors = Vec::new();
        (parse(&settings, environment, &mut errors), errors)
    }

    #[test]
    fn defaults_depend_on_the_environment() {
        for env in [Environment::Local, Environment::Tt02, Environment::Custom] {
            assert_eq!(parse_with(None, env), (true, vec![]), "{env:?}");
        }
        assert_eq!(parse_with(None, Environment::Production), (false, vec![]));
    }

    #[test]
    fn explicit_values_win() {
        assert!(parse_with(Some("on"), Environment::Production).0);
        assert!(!parse_with(Some(" FALSE "), Environment::Local).0);
        assert!(!parse_with(Some("0"), Environment::Tt02).0);
        assert!(parse_with(Some("yes"), Environment::Production).0);
    }

    #[test]
    fn bad_values_are_reported() {
        let (_, errors) = parse_with(Some("maybe"), Environment::Local);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("PORTAL_API_LOG"), "{errors:?}");
    }
}
