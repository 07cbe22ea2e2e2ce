package io.switchboard.number.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.platform.problem.ProblemException;

/** E.164 parsing and validation (libphonenumber); numbers without a country code are read as US numbers. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164, or a 400 naming {@code field}. */
    public static String e164(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(field, "is required: a phone number such as +1 619 555 0142");
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(raw.trim(), "US");
            if (!UTIL.isValidNumber(parsed)) {
                throw ProblemException.invalidField(field, "'" + raw + "' is not a valid phone number");
            }
            return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalidField(field, "'" + raw + "' is not a phone number: " + e.getMessage());
        }
    }

    /** The same, for North American numbers only (what the carrier sells and people's lines are). */
    public static String northAmerican(String raw, String field) {
        String e164 = e164(raw, field);
        if (!e164.startsWith("+1")) {
            throw ProblemException.invalidField(field, "must be a US or Canadian number (+1)");
        }
        return e164;
    }

    /** Is this a valid NANP area code (checked against libphonenumber's metadata with a sample number)? */
    public static boolean isAreaCode(String code) {
        if (code == null || !code.matches("[2-9][0-9]{2}")) {
            return false;
        }
        for (String sample : new String[]{"2345678", "4567890", "7654321", "9876543", "3456789"}) {
            try {
                if (UTIL.isValidNumber(UTIL.parse("+1" + code + sample, "US"))) {
                    return true;
                }
            } catch (NumberParseException e) {
                return false;
            }
        }
        return false;
    }

    /** Letters to keypad digits (vanity search): "PLUMB" → "75862"; digits stay; anything else is refused. */
    public static String keypad(String contains) {
        StringBuilder digits = new StringBuilder();
        for (char c : contains.toUpperCase().toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append("22233344455566677778889999".charAt(c - 'A'));
            } else if (c != '-' && c != ' ') {
                throw ProblemException.invalidField("contains", "use digits and letters only (letters map to the keypad)");
            }
        }
        if (digits.isEmpty() || digits.length() > 7) {
            throw ProblemException.invalidField("contains", "give 1 to 7 digits or letters");
        }
        return digits.toString();
    }
}
