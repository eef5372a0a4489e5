-- A new Orchardist SQLite store, as its migrations build it (orchardist.store.snapshot).
-- Written by: python -m orchardist.store.snapshot. Do not edit by hand.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE spaces (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE organisations (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	name_key VARCHAR(300) NOT NULL, 
	aliases TEXT NOT NULL, 
	domains TEXT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_organisations_space_name UNIQUE (space_id, name_key), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE people (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	display_name VARCHAR(500) NOT NULL, 
	given_name VARCHAR(300) NOT NULL, 
	family_name VARCHAR(300) NOT NULL, 
	pronouns VARCHAR(100) NOT NULL, 
	linkedin_url VARCHAR(1000) NOT NULL, 
	linkedin_key VARCHAR(1000) NOT NULL, 
	organisation_id INTEGER, 
	title VARCHAR(500) NOT NULL, 
	location VARCHAR(500) NOT NULL, 
	tier VARCHAR(20) NOT NULL, 
	every_days INTEGER, 
	interests TEXT NOT NULL, 
	can_help_with TEXT NOT NULL, 
	could_use_help_with TEXT NOT NULL, 
	how_met TEXT NOT NULL, 
	where_met TEXT NOT NULL, 
	met_through_id INTEGER, 
	birthday VARCHAR(10), 
	dates TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	sources TEXT NOT NULL, 
	search_text TEXT NOT NULL, 
	sort_key VARCHAR(600) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, last_contact_on DATE, gave_count INTEGER DEFAULT '0' NOT NULL, asked_count INTEGER DEFAULT '0' NOT NULL, mutual_count INTEGER DEFAULT '0' NOT NULL, social_count INTEGER DEFAULT '0' NOT NULL, has_work_date BOOLEAN DEFAULT 0 NOT NULL, extra TEXT DEFAULT '{}' NOT NULL, knows_search BOOLEAN DEFAULT 0 NOT NULL, coworker_override BOOLEAN, uid VARCHAR(255) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(organisation_id) REFERENCES organisations (id) ON DELETE SET NULL, 
	FOREIGN KEY(met_through_id) REFERENCES people (id) ON DELETE SET NULL
);
CREATE TABLE person_emails (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	value VARCHAR(1000) NOT NULL, 
	"key" VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE person_phones (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	value VARCHAR(1000) NOT NULL, 
	"key" VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE person_urls (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	value VARCHAR(1000) NOT NULL, 
	"key" VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE person_tags (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	tag VARCHAR(200) NOT NULL, 
	"key" VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE interactions (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	on_date DATE NOT NULL, 
	channel VARCHAR(30) NOT NULL, 
	direction VARCHAR(10) NOT NULL, 
	kind VARCHAR(50) NOT NULL, 
	summary TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE interaction_people (
	interaction_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	on_date DATE NOT NULL, 
	PRIMARY KEY (interaction_id, person_id), 
	FOREIGN KEY(interaction_id) REFERENCES interactions (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE job_changes (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	seen_on DATE NOT NULL, 
	old_organisation VARCHAR(300) NOT NULL, 
	old_title VARCHAR(500) NOT NULL, 
	new_organisation VARCHAR(300) NOT NULL, 
	new_title VARCHAR(500) NOT NULL, 
	source VARCHAR(300) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content='people', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TABLE snoozes (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	until_on DATE NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_snoozes_person UNIQUE (space_id, person_id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE dismissals (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	reason VARCHAR(30) NOT NULL, 
	due_on DATE NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_dismissals_item UNIQUE (space_id, person_id, reason, due_on), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE reconnect_list (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	since_on DATE NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_reconnect_person UNIQUE (space_id, person_id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE settings (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_settings_key UNIQUE (space_id, "key"), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE offers (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	text VARCHAR(500) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE weekly_figures (
	space_id INTEGER NOT NULL, 
	week_start DATE NOT NULL, 
	reconnections INTEGER DEFAULT '0' NOT NULL, 
	gives INTEGER DEFAULT '0' NOT NULL, 
	asks INTEGER DEFAULT '0' NOT NULL, 
	mutual INTEGER DEFAULT '0' NOT NULL, 
	social INTEGER DEFAULT '0' NOT NULL, 
	thank_yous INTEGER DEFAULT '0' NOT NULL, 
	new_people INTEGER DEFAULT '0' NOT NULL, 
	tended INTEGER DEFAULT '0' NOT NULL, 
	CONSTRAINT pk_weekly_figures PRIMARY KEY (space_id, week_start), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE message_templates (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	code VARCHAR(100) NOT NULL, 
	lang VARCHAR(10) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	subject VARCHAR(200) NOT NULL, 
	body TEXT NOT NULL, 
	gives VARCHAR(20) NOT NULL, 
	log_kind VARCHAR(40) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_message_templates_code UNIQUE (space_id, lang, code), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE presence_profiles (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	platform VARCHAR(60) NOT NULL, 
	label VARCHAR(60) DEFAULT '' NOT NULL, 
	display_name VARCHAR(300) DEFAULT '' NOT NULL, 
	headline VARCHAR(500) DEFAULT '' NOT NULL, 
	title VARCHAR(500) DEFAULT '' NOT NULL, 
	employer VARCHAR(300) DEFAULT '' NOT NULL, 
	location VARCHAR(200) DEFAULT '' NOT NULL, 
	open_to_work BOOLEAN, 
	url VARCHAR(2000) DEFAULT '' NOT NULL, 
	position_start VARCHAR(7) DEFAULT '' NOT NULL, 
	visibility VARCHAR(10) DEFAULT 'public' NOT NULL, 
	reviewed_on DATE, 
	nickname BOOLEAN DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_presence_profiles_platform UNIQUE (space_id, platform), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE pitch_parts (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	part VARCHAR(20) NOT NULL, 
	text VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_pitch_parts_part UNIQUE (space_id, part), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE pitch_practice (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	on_date DATE NOT NULL, 
	place VARCHAR(200) NOT NULL, 
	note VARCHAR(2000) DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE calling_cards (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	profile VARCHAR(60) DEFAULT '' NOT NULL, 
	show_employer BOOLEAN DEFAULT 0 NOT NULL, 
	phone VARCHAR(50) DEFAULT '' NOT NULL, 
	email VARCHAR(320) DEFAULT '' NOT NULL, 
	url VARCHAR(2000) DEFAULT '' NOT NULL, 
	line VARCHAR(200) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_calling_cards_space UNIQUE (space_id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE leads (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	organisation VARCHAR(300) NOT NULL, 
	role VARCHAR(300) NOT NULL, 
	heard_where VARCHAR(500) NOT NULL, 
	heard_on DATE, 
	source_person_id INTEGER, 
	via_lead_id INTEGER, 
	status VARCHAR(30) NOT NULL, 
	notes TEXT NOT NULL, 
	next_step VARCHAR(500) NOT NULL, 
	next_step_on DATE, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(source_person_id) REFERENCES people (id) ON DELETE SET NULL, 
	FOREIGN KEY(via_lead_id) REFERENCES leads (id) ON DELETE SET NULL
);
CREATE TABLE network_groups (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	joined_on DATE, 
	notes TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE events (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	group_id INTEGER, 
	name VARCHAR(300) NOT NULL, 
	on_date DATE NOT NULL, 
	place VARCHAR(500) NOT NULL, 
	notes TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(group_id) REFERENCES network_groups (id) ON DELETE SET NULL
);
CREATE TABLE event_people (
	event_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	PRIMARY KEY (event_id, person_id), 
	FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE
);
CREATE TABLE introductions (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	a_id INTEGER NOT NULL, 
	b_id INTEGER NOT NULL, 
	state VARCHAR(20) NOT NULL, 
	why TEXT NOT NULL, 
	outcome TEXT NOT NULL, 
	history TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(a_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(b_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE reconnections (
	id INTEGER NOT NULL, 
	space_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	on_date DATE NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_reconnections_day UNIQUE (space_id, person_id, on_date), 
	FOREIGN KEY(space_id) REFERENCES spaces (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE TABLE agencies (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE accounts (
	id INTEGER NOT NULL, 
	agency_id INTEGER NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	own_space INTEGER, 
	password_hash VARCHAR(200), 
	totp_secret VARCHAR(64), 
	totp_last_step BIGINT, 
	digest_weekday VARCHAR(10), 
	digest_sent_on DATE, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(agency_id) REFERENCES agencies (id) ON DELETE CASCADE, 
	UNIQUE (email), 
	FOREIGN KEY(own_space) REFERENCES spaces (id) ON DELETE SET NULL
);
CREATE TABLE recovery_codes (
	id INTEGER NOT NULL, 
	account_id INTEGER NOT NULL, 
	code_hash VARCHAR(64) NOT NULL, 
	used_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE one_time_links (
	token_hash VARCHAR(64) NOT NULL, 
	account_id INTEGER NOT NULL, 
	purpose VARCHAR(20) NOT NULL, 
	invited_by INTEGER, 
	expires_at DATETIME NOT NULL, 
	used_at DATETIME, 
	PRIMARY KEY (token_hash), 
	FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(invited_by) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE web_sessions (
	id_hash VARCHAR(64) NOT NULL, 
	account_id INTEGER NOT NULL, 
	complete BOOLEAN NOT NULL, 
	started_at DATETIME NOT NULL, 
	seen_at DATETIME NOT NULL, 
	PRIMARY KEY (id_hash), 
	FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE sign_in_failures (
	id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE caseloads (
	counsellor_id INTEGER NOT NULL, 
	client_id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (counsellor_id, client_id), 
	FOREIGN KEY(counsellor_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(client_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE sharing_grants (
	id INTEGER NOT NULL, 
	client_id INTEGER NOT NULL, 
	counsellor_id INTEGER NOT NULL, 
	groups VARCHAR(200) NOT NULL, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(client_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(counsellor_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE access_log (
	id INTEGER NOT NULL, 
	client_id INTEGER NOT NULL, 
	counsellor_id INTEGER NOT NULL, 
	group_code VARCHAR(20) NOT NULL, 
	page VARCHAR(200) NOT NULL, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(client_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(counsellor_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE counsellor_notes (
	id INTEGER NOT NULL, 
	client_id INTEGER NOT NULL, 
	counsellor_id INTEGER NOT NULL, 
	on_date DATE NOT NULL, 
	text TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(client_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(counsellor_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_people_space_sort ON people (space_id, sort_key);
CREATE INDEX ix_people_space_linkedin ON people (space_id, linkedin_key);
CREATE INDEX ix_people_organisation ON people (organisation_id);
CREATE INDEX ix_person_emails_space_key ON person_emails (space_id, "key");
CREATE INDEX ix_person_emails_person ON person_emails (person_id);
CREATE INDEX ix_person_phones_space_key ON person_phones (space_id, "key");
CREATE INDEX ix_person_phones_person ON person_phones (person_id);
CREATE INDEX ix_person_urls_space_key ON person_urls (space_id, "key");
CREATE INDEX ix_person_urls_person ON person_urls (person_id);
CREATE INDEX ix_person_tags_space_key ON person_tags (space_id, "key");
CREATE INDEX ix_person_tags_person ON person_tags (person_id);
CREATE INDEX ix_interactions_space_date ON interactions (space_id, on_date);
CREATE INDEX ix_interaction_people_person_date ON interaction_people (person_id, on_date);
CREATE INDEX ix_people_space_last_contact ON people (space_id, last_contact_on, sort_key);
CREATE INDEX ix_people_space_recent ON people (space_id, last_contact_on DESC, sort_key);
CREATE INDEX ix_people_space_tier_contact ON people (space_id, tier, last_contact_on, created_at);
CREATE INDEX ix_interactions_space_date_kind ON interactions (space_id, on_date, kind, direction);
CREATE INDEX ix_offers_space ON offers (space_id);
CREATE UNIQUE INDEX ux_people_space_uid ON people (space_id, uid);
CREATE INDEX ix_pitch_practice_space ON pitch_practice (space_id, on_date);
CREATE INDEX ix_leads_space_next_step ON leads (space_id, next_step_on);
CREATE INDEX ix_leads_source ON leads (source_person_id);
CREATE INDEX ix_network_groups_space ON network_groups (space_id);
CREATE INDEX ix_events_space_date ON events (space_id, on_date);
CREATE INDEX ix_event_people_person ON event_people (person_id);
CREATE INDEX ix_introductions_space ON introductions (space_id);
CREATE INDEX ix_introductions_a ON introductions (a_id);
CREATE INDEX ix_introductions_b ON introductions (b_id);
CREATE INDEX ix_recovery_codes_account ON recovery_codes (account_id);
CREATE INDEX ix_one_time_links_account ON one_time_links (account_id);
CREATE INDEX ix_web_sessions_account ON web_sessions (account_id);
CREATE INDEX ix_sign_in_failures_key_at ON sign_in_failures ("key", at);
CREATE INDEX ix_caseloads_client ON caseloads (client_id);
CREATE INDEX ix_sharing_grants_pair ON sharing_grants (client_id, counsellor_id, id);
CREATE INDEX ix_access_log_client_at ON access_log (client_id, at);
CREATE INDEX ix_counsellor_notes_client ON counsellor_notes (client_id, on_date);
CREATE INDEX ix_people_space_every ON people (space_id, every_days) WHERE every_days IS NOT NULL;
CREATE INDEX ix_people_space_birthday ON people (space_id, birthday) WHERE birthday IS NOT NULL;
CREATE INDEX ix_people_space_work_date ON people (space_id, has_work_date) WHERE has_work_date IS 1;
CREATE INDEX ix_people_space_marks ON people (space_id, knows_search, coworker_override) WHERE knows_search IS 1 OR coworker_override IS NOT NULL;
CREATE INDEX ix_people_space_met_through ON people (space_id, met_through_id) WHERE met_through_id IS NOT NULL;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF search_text ON people BEGIN INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO people_fts(rowid, search_text) VALUES (new.id, new.search_text); END;
INSERT INTO "alembic_version" VALUES ('0017');
