//! A small macro for the API's string enums.
//!
//! Every enum of the Altinn APIs is sent as a string. New values appear on the
//! server side without notice, so each generated enum has an `Unknown(String)`
//! variant that keeps the original text: deserialization never fails on an
//! unknown value and serialization writes the same string back.
//!
//! Matching is exact first, then ASCII case-insensitive (ASP.NET accepts any
//! case on input; the canonical spelling is written on output).

/// Defines a string enum with an `Unknown(String)` fallback.
///
/// Generates `as_str()`, `KNOWN` (every known variant, in spec order),
/// `known_values()`, `is_known()`, `Display`, infallible `FromStr`,
/// `From<&str>`, `Serialize` and `Deserialize`.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know; the original string is kept.
            Unknown(String),
        }

        impl $name {
            /// Every known variant, in the order of the spec.
            pub const KNOWN: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The wire strings of every known variant, in the order of the spec.
            pub const fn known_values() -> &'static [&'static str] {
                &[ $( $text ),+ ]
            }

            /// The wire string of this value (the original text for `Unknown`).
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Unknown(s) => s.as_str(),
                }
            }

            /// False for `Unknown`.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }

            /// Parses a wire string; exact match first, then case-insensitive,
            /// otherwise `Unknown`.
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $( $text => return $name::$variant, )+
                    _ => {}
                }
                $( if s.eq_ignore_ascii_case($text) { return $name::$variant; } )+
                $name::Unknown(s.to_owned())
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::from_wire(s))
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::from_wire(s)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl ::serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " string"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from_wire(v))
                    }
                }
                deserializer.deserialize_str(V)
            }
        }
    };
}

pub(crate) use string_enum;

#[cfg(test)]
mod tests {
    string_enum! {
        /// Test enum.
        pub enum Colour {
            Red => "Red",
            DarkBlue => "DarkBlue",
        }
    }

    #[test]
    fn known_and_unknown_round_trip() {
        let v: Vec<Colour> = serde_json::from_str(r#"["Red","darkblue","Green"]"#).unwrap();
        assert_eq!(
            v,
            vec![
                Colour::Red,
                Colour::DarkBlue,
                Colour::Unknown("Green".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"["Red","DarkBlue","Green"]"#
        );
        assert_eq!(Colour::known_values(), &["Red", "DarkBlue"]);
        assert_eq!(Colour::KNOWN.len(), 2);
        assert!(!Colour::Unknown("x".into()).is_known());
        assert_eq!("Red".parse::<Colour>().unwrap().to_string(), "Red");
    }
}
