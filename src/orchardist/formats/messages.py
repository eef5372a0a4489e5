"""Everything the formats can say: why a file is refused, and why a record in it is skipped.

Codes are grouped by what they are about: ``file.*`` a whole file (empty, binary, its encoding, too
long to read, a format unknown or not recognised), ``csv.*``, ``vcard.*`` and ``backup.*`` (JSON
backups) a file of that kind, and ``row.*`` why a record was skipped. A value is shown as the English
has always shown it (quoted where it was quoted), so ``str()`` of a message keeps its words; a value
that is a library's own explanation (Python's json or csv module, vobject) stays a plain string, and
one of these sentences inside another is a nested message.
"""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

# Where in a file: how a refusal names its line and field (``str()`` of a FormatError).
AT_LINE_IN_FIELD = Wording("file.at_line_in_field", N_("line %(line)s, field %(field)s: %(reason)s"))
AT_LINE = Wording("file.at_line", N_("line %(line)s: %(reason)s"))
IN_FIELD = Wording("file.in_field", N_("field %(field)s: %(reason)s"))

# A whole file ------------------------------------------------------------------------------------
EMPTY_FILE = Wording("file.empty", N_("the file is empty"))
BINARY_FILE = Wording(
    "file.binary", N_("this is a binary file, not a contacts export (CSV, vCard or JSON backup)")
)
NOT_RECOGNISED = Wording(
    "file.not_recognised",
    N_(
        "the format was not recognised: expected a LinkedIn, Google or Outlook CSV export, "
        "a vCard file or an Orchardist JSON backup"
    ),
)
UNKNOWN_FORMAT = Wording("file.unknown_format", N_("unknown format %(name)s; known: %(known)s"))
UNKNOWN_EXPORT_FORMAT = Wording(
    "file.unknown_export_format", N_("unknown export format %(name)s; known: %(known)s")
)
UNKNOWN_EXPORT_VERSION = Wording(
    "file.unknown_export_version", N_("%(format)s version %(version)s is not written; known: %(known)s")
)
NO_EXPORT_VERSION = Wording(
    "file.no_export_version", N_("the %(format)s export has no versions to choose from; %(known)s have")
)
NOT_A_DOWNLOAD = Wording(
    "file.not_a_download", N_("the %(format)s export is a folder of files: write it with the command line")
)
BAD_UTF16 = Wording("file.bad_utf16", N_("the file starts as UTF-16 text but %(problem)s at byte %(byte)s"))
UNDECODABLE_BYTE = Wording(
    "file.undecodable_byte",
    N_(
        "byte %(byte)s is not text in UTF-8 or Windows-1252: "
        "this is a binary file or a damaged export, not a CSV contacts export"
    ),
)
TOO_LARGE = Wording(
    "file.too_large", N_("the file is too large to import (%(size)s MB); the limit is %(limit)s MB")
)
TOO_LONG_TO_READ = Wording(
    "file.too_long_to_read",
    N_(
        "reading the file used more than %(seconds)s s of processor time, the most a file of its size "
        "may; it may be malformed or hostile"
    ),
)
STILL_READING = Wording(
    "file.still_reading",
    N_(
        "the file was still being read after %(seconds)s s by the clock, though it had not used up its "
        "processor time: the computer is probably too busy; try again when it is less busy"
    ),
)
TOO_MUCH_MEMORY = Wording(
    "file.too_much_memory",
    N_("the file needed more memory than allowed to read; it may be malformed or hostile"),
)
STOPPED_BY_SIGNAL = Wording(
    "file.stopped_by_signal",
    N_("reading the file was stopped by signal %(signal)s; it may be malformed or hostile"),
)
STOPPED_UNEXPECTEDLY = Wording(
    "file.stopped_unexpectedly",
    N_("reading the file stopped unexpectedly (exit code %(code)s); it may be malformed or hostile"),
)
UNREADABLE = Wording("file.unreadable", N_("the file could not be read: %(problem)s"))
RESULT_NOT_SENT = Wording(
    "file.result_not_sent", N_("the file could not be read: %(error)s sending the result")
)

# CSV exports -------------------------------------------------------------------------------------
CSV_BINARY_DATA = Wording(
    "csv.binary_data",
    N_(
        "the file holds binary data (control character %(character)s) here, not text: "
        "it is not a CSV contacts export or it is damaged"
    ),
)
CSV_LINE_TOO_LONG = Wording(
    "csv.line_too_long",
    N_("the line is %(length)s characters long; a contacts export has no line that long"),
)
CSV_MALFORMED = Wording("csv.malformed", N_("the CSV is malformed: %(problem)s"))
CSV_NOT_A_ROW = Wording(
    "csv.not_a_row",
    N_(
        "%(text)s has no %(delimiter)s separators, so it is not a row of this CSV "
        "(is the file part CSV and part something else?)"
    ),
)
TAB = Wording("csv.tab", N_("tab"))
UNCLOSED_QUOTE = Wording(
    "csv.unclosed_quote",
    N_(
        "a quoted value opened on this line is never closed, so the rest of the file would be "
        "read as one value"
    ),
)
NO_HEADER = Wording(
    "csv.no_header",
    N_(
        "no header row of %(expected)s was found in the first %(lines)s lines; "
        "the file starts with: %(start)s"
    ),
)
EXPECTED_LINKEDIN = Wording(
    "csv.expected_linkedin",
    N_(
        "a LinkedIn Connections.csv (columns First Name, Last Name, URL, Email Address, Company, "
        "Position, Connected On)"
    ),
)
EXPECTED_GOOGLE = Wording(
    "csv.expected_google",
    N_(
        "a Google Contacts CSV (columns First Name, Last Name, Labels, ... or the legacy Name, "
        "Given Name, Family Name, Group Membership, ...)"
    ),
)
EXPECTED_OUTLOOK = Wording(
    "csv.expected_outlook",
    N_(
        "an Outlook CSV export (columns First Name, Last Name, E-mail Address, Company, Job Title, ...; "
        "or the German Vorname, Nachname, E-Mail-Adresse, ...; or the French Prénom, Nom, ...)"
    ),
)

# vCard files -------------------------------------------------------------------------------------
NO_VCARD = Wording("vcard.none_found", N_("no vCard was found in the file (expected BEGIN:VCARD)"))
VCARD_BINARY = Wording("vcard.binary", N_("this is a binary file, not a vCard file"))
VCARD_LINE_TOO_LONG = Wording(
    "vcard.line_too_long",
    N_(
        "the line is over %(limit)s bytes long (after unfolding); "
        "such lines are refused, the file may be malformed or hostile"
    ),
)
STRAY_FOLDED_LINE = Wording(
    "vcard.stray_folded_line", N_("this indented line continues nothing (a stray folded line)")
)
TEXT_OUTSIDE_VCARD = Wording("vcard.text_outside_card", N_("text outside a vCard: expected BEGIN:VCARD"))
MALFORMED_LINE = Wording("vcard.malformed_line", N_("malformed line: %(reason)s"))
NO_PROPERTY_NAME = Wording(
    "vcard.no_property_name", N_("expected a property name at the start of the line, found %(text)s")
)
NO_NAME_AFTER_GROUP = Wording(
    "vcard.no_name_after_group", N_("expected a property name after the group %(group)s")
)
NO_COLON = Wording("vcard.no_colon", N_("%(name)s has no ':' before its value"))
UNEXPECTED_IN_PARAMETERS = Wording(
    "vcard.unexpected_in_parameters", N_("unexpected %(text)s in the parameters of %(name)s")
)
PARAMETER_WITHOUT_NAME = Wording(
    "vcard.parameter_without_name", N_("a parameter of %(name)s has no name: %(text)s")
)
UNCLOSED_PARAMETER_QUOTE = Wording(
    "vcard.unclosed_parameter_quote", N_("the %(parameter)s parameter of %(name)s has no closing quote")
)
CONTROL_IN_PARAMETER = Wording(
    "vcard.control_in_parameter", N_("the %(parameter)s parameter of %(name)s holds control characters")
)
BEGIN_NOT_VCARD = Wording("vcard.begin_not_vcard", N_("BEGIN:%(kind)s is not a vCard"))
NESTED_TOO_DEEP = Wording("vcard.nested_too_deep", N_("vCards are nested more than %(depth)s deep"))
END_DOES_NOT_CLOSE = Wording(
    "vcard.end_mismatch", N_("END:%(kind)s does not close the vCard begun on line %(line)s")
)
UNSUPPORTED_VERSION = Wording(
    "vcard.unsupported_version", N_("vCard version %(version)s is not supported (2.1, 3.0 and 4.0 are)")
)

# JSON backups: a problem at a place in the document, such as "people[3].emails[0]" ---------------
AT_PATH = Wording("backup.at_path", N_("%(path)s: %(reason)s"))
NOT_UTF8 = Wording("backup.not_utf8", N_("a backup is UTF-8 text; byte %(byte)s is not UTF-8"))
NOT_VALID_JSON = Wording("backup.invalid_json", N_("not valid JSON: %(problem)s (column %(column)s)"))
NOT_A_VALID_BACKUP = Wording("backup.invalid", N_("not a valid backup: %(reason)s"))
NESTED_TOO_DEEPLY = Wording("backup.nested_too_deeply", N_("not a valid backup: nested too deeply"))
CONSTANT_NOT_ALLOWED = Wording("backup.constant_not_allowed", N_("%(name)s is not allowed in a backup"))
FIELD_TWICE = Wording("backup.repeated_field", N_("the field %(name)s appears twice in one object"))
NOT_A_BACKUP = Wording("backup.wrong_format", N_('expected "orchardist-backup", found %(found)s'))
UNKNOWN_VERSION = Wording(
    "backup.unknown_version",
    N_(
        "this Orchardist reads backup versions 1 to %(latest)s, not %(found)s; a newer Orchardist may read it"
    ),
)
EXPECTED_OBJECT = Wording("backup.expected_object", N_("expected an object, found %(found)s"))
EXPECTED_TEXT = Wording("backup.expected_text", N_("expected text, found %(found)s"))
EXPECTED_LIST = Wording("backup.expected_list", N_("expected a list, found %(found)s"))
EXPECTED_DATE = Wording("backup.expected_date", N_("expected a date, found %(found)s"))
EXPECTED_DAYS = Wording("backup.expected_days", N_("expected a whole number of days, found %(found)s"))
EXPECTED_ID = Wording("backup.expected_id", N_("expected an id (a whole number), found %(found)s"))
EXPECTED_KEY = Wording("backup.expected_key", N_("expected a key, found %(found)s"))
EXPECTED_TRUE_OR_FALSE = Wording(
    "backup.expected_true_or_false", N_("expected true or false, found %(found)s")
)
UNKNOWN_FIELD = Wording("backup.unknown_field", N_("unknown field %(name)s"))
MISSING_FIELD = Wording("backup.missing_field", N_("missing field %(name)s"))
UNKNOWN_VALUE = Wording("backup.unknown_value", N_("unknown value %(text)s"))
NOT_A_DATE = Wording("backup.not_a_date", N_("not a date: %(text)s"))
NOT_A_DATE_TIME = Wording("backup.not_a_date_time", N_("not a date and time: %(text)s"))
TIME_ZONE_NEEDED = Wording("backup.time_zone_needed", N_("a time zone is needed: %(text)s"))
EMPTY_KEY = Wording("backup.empty_key", N_("a person needs a non-empty key"))
KEY_REUSED = Wording("backup.key_reused", N_("%(key)s is used by an earlier person"))
NO_SUCH_KEY = Wording("backup.no_such_key", N_("no person with key %(key)s"))
LISTED_TWICE = Wording("backup.listed_twice", N_("%(key)s is listed twice"))
INTERACTION_WITHOUT_PEOPLE = Wording(
    "backup.interaction_without_people", N_("an interaction needs at least one person")
)
OFFER_LENGTH = Wording("backup.offer_length", N_("an offer is 1 to %(limit)s characters"))
INTRODUCTION_PAIR = Wording("backup.introduction_pair", N_("an introduction is between two different people"))

# Why a record was skipped ------------------------------------------------------------------------
ROW_TOO_MANY_VALUES = Wording(
    "row.too_many_values",
    N_(
        "the row has %(values)s values but the header has %(columns)s columns, so its values cannot "
        "be matched to columns (an unquoted delimiter in a value?)"
    ),
)
ROW_HOLDS_FORMULA = Wording(
    "row.formula",
    N_("the %(column_name)s cell holds a spreadsheet formula (%(formula)s), so the row was not imported"),
)
ROW_ONLY_CONNECTION_DATE = Wording(
    "row.only_connection_date",
    N_("the row holds only a connection date (%(date)s) and no name, profile URL, e-mail or company"),
)
ROW_NO_NAME_OR_PROFILE = Wording("row.no_name_or_profile", N_("the row holds no name or profile URL"))
ROW_CANNOT_BE_TOLD_APART = Wording(
    "row.cannot_be_told_apart",
    N_("the row has no name and no profile URL, so it cannot be told apart from others"),
)
ROW_NO_NAME_EMAIL_PHONE_OR_ORGANISATION = Wording(
    "row.no_name_email_phone_or_organisation", N_("the row has no name, e-mail, phone or organisation")
)
ROW_NO_NAME_EMAIL_PHONE_OR_COMPANY = Wording(
    "row.no_name_email_phone_or_company", N_("the row has no name, e-mail, phone or company")
)
ROW_HAS_NO_NAME = Wording("row.no_name", N_("no name"))
CARD_UNREADABLE = Wording("row.unreadable_card", N_("this card could not be read: %(problem)s"))
