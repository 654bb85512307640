-- Run at every deploy. Idempotent: it creates only what is missing and never touches existing rows.
-- The DDL is Django's own (migrations through terminal.0017), so the file stays usable by both apps.

-- terminal.0017_delete_activeview: the display state now lives in memory.
DROP TABLE IF EXISTS "terminal_activeview";

CREATE TABLE IF NOT EXISTS "auth_user" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "password" varchar(128) NOT NULL,
  "last_login" datetime NULL,
  "is_superuser" bool NOT NULL,
  "username" varchar(150) NOT NULL UNIQUE,
  "last_name" varchar(150) NOT NULL,
  "email" varchar(254) NOT NULL,
  "is_staff" bool NOT NULL,
  "is_active" bool NOT NULL,
  "date_joined" datetime NOT NULL,
  "first_name" varchar(150) NOT NULL);

CREATE TABLE IF NOT EXISTS "terminal_message" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "content" text NOT NULL,
  "priority" varchar(10) NOT NULL,
  "created_at" datetime NOT NULL,
  "is_read" bool NOT NULL,
  "created_by_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED,
  "sender" varchar(100) NOT NULL);

CREATE INDEX IF NOT EXISTS "terminal_message_created_by_id_2e3d87b5" ON "terminal_message" ("created_by_id");

CREATE TABLE IF NOT EXISTS "terminal_message_recipients" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "message_id" bigint NOT NULL REFERENCES "terminal_message" ("id") DEFERRABLE INITIALLY DEFERRED,
  "user_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED);

CREATE UNIQUE INDEX IF NOT EXISTS "terminal_message_recipients_message_id_user_id_1d07a246_uniq" ON "terminal_message_recipients" ("message_id", "user_id");
CREATE INDEX IF NOT EXISTS "terminal_message_recipients_message_id_e8186bc7" ON "terminal_message_recipients" ("message_id");
CREATE INDEX IF NOT EXISTS "terminal_message_recipients_user_id_dae21605" ON "terminal_message_recipients" ("user_id");

-- CHARON conversations (the original kept them in Django's file cache, so they outlived a restart; so do these).
CREATE TABLE IF NOT EXISTS "charon_channel" (
  "name" varchar(120) NOT NULL PRIMARY KEY,
  "position" integer NOT NULL,
  "last_read_id" varchar(36) NULL);

CREATE TABLE IF NOT EXISTS "charon_conversation_line" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "channel" varchar(120) NOT NULL,
  "message_id" varchar(36) NOT NULL UNIQUE,
  "role" varchar(10) NOT NULL,
  "content" text NOT NULL,
  "timestamp" varchar(32) NOT NULL);

CREATE INDEX IF NOT EXISTS "charon_conversation_line_channel" ON "charon_conversation_line" ("channel", "id");

-- The table's state (the view and every location's encounter memory), written after every change so that it
-- survives a restart and kill -9 (charon.journal). One row per slot: "current", and rows set aside unread.
CREATE TABLE IF NOT EXISTS "charon_table_state" (
  "slot" varchar(60) NOT NULL PRIMARY KEY,
  "format" integer NOT NULL,
  "version" integer NOT NULL,
  "state" text NOT NULL,
  "saved_at" varchar(40) NOT NULL);

-- Logins that outlive a restart (charon.security.LastingLogins): the digest of the browser's login cookie, never
-- the token itself, and the account's credential stamp at login (a password change ends it).
CREATE TABLE IF NOT EXISTS "charon_login" (
  "token_hash" varchar(64) NOT NULL PRIMARY KEY,
  "user_id" integer NOT NULL,
  "csrf_token" varchar(64) NOT NULL,
  "credential_stamp" varchar(64) NOT NULL,
  "last_seen" integer NOT NULL);
