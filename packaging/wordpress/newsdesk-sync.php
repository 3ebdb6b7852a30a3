<?php
/*
 * Plugin Name: Newsdesk sync companion
 * Description: What Newsdesk needs from the WordPress REST API that WordPress lacks: private post meta for the Newsdesk uuid, Markdown source, sources, byline, editorial stage and notes (never shown to readers); finding a post by uuid; refusing a stale write (409 with the current modified_gmt); the editorial stage and note authors decided by the server; claims shared between desktops (and with wp-admin's post lock); scheduled posts published when their time has passed; the newsroom's shared photo library (media found by content hash, listed for the newsroom only; a photo under an agency embargo hidden from readers until it ends); a newsroom change counter that answers an idle sync in one request; an index that makes "changed since" cheap on a large site.
 * Version: 2.4.0
 * Requires at least: 5.6
 * License: MIT
 *
 * Install: copy this one file into wp-content/mu-plugins/ (must-use plugins
 * load at once, need no activation and cannot be switched off by accident).
 * Replacing 1.x with it migrates the post meta 1.x wrote, once.
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWSDESK_SYNC_VERSION = '2.4.0';
// Meta layout: 1 = public keys (plugin 1.x, readable by anyone who could read the post),
// 2 = protected keys (leading underscore), shown only to users who may edit the post.
const NEWSDESK_SYNC_SCHEMA = 2;
const NEWSDESK_BASE_HEADER = 'x_newsdesk_base_modified';  // X-Newsdesk-Base-Modified, as WP_REST_Request names it
const NEWSDESK_VERSION_HEADER = 'x_newsdesk_base_version';  // X-Newsdesk-Base-Version
// Stages a reporter (no edit_others_posts) may give their own story, and from which.
const NEWSDESK_REPORTER_STAGES = array('draft', 'submitted', 'spiked');
const NEWSDESK_REPORTER_FROM = array('', 'draft', 'returned');

/** Newsdesk's fields, by the name 1.x used; each is stored under '_' . name. */
function newsdesk_sync_meta_keys() {
    return array(
        'newsdesk_uuid' => 'The Newsdesk article uuid (finds the post again after a lost answer).',
        'newsdesk_markdown' => 'The Markdown the content was rendered from.',
        'newsdesk_content_sha' => 'sha1 of post_content when the Markdown was written (set by the plugin only).',
        'newsdesk_sources' => 'The sources the reporter relied on (JSON list): never published.',
        'newsdesk_byline' => 'The byline as the newsroom writes it.',
        'newsdesk_stage' => 'The editorial stage (draft, submitted, in_edit, ...): set by editors.',
        'newsdesk_notes' => 'Editorial notes (JSON list): never published; authors set by the server.',
    );
}

function newsdesk_sync_private_keys() {
    return array_map(function ($name) {
        return '_' . $name;
    }, array_keys(newsdesk_sync_meta_keys()));
}

add_action('init', function () {
    newsdesk_sync_migrate();
    newsdesk_sync_add_indexes();
    foreach (newsdesk_sync_meta_keys() as $name => $description) {
        register_post_meta('post', '_' . $name, array(
            'type' => 'string',
            'description' => $description,
            'single' => true,
            'default' => '',
            // Only in context=edit, which WordPress grants to users who may edit posts;
            // rest_prepare_post below also removes them per post for anyone who may
            // not edit that post (a contributor listing published posts, say).
            'show_in_rest' => array('schema' => array('context' => array('edit'))),
            'auth_callback' => function ($allowed, $meta_key, $post_id) use ($name) {
                if ($name === 'newsdesk_content_sha') {
                    return false;  // the plugin's own record: nobody writes it over REST
                }
                return current_user_can('edit_post', $post_id);
            },
        ));
    }
});

/**
 * Plugin 1.x kept the meta under public keys. Rename them once (a post that already
 * has the protected key keeps it and loses the public copy). Idempotent: a second run
 * finds nothing to rename, and the option stops it from running at all.
 */
function newsdesk_sync_migrate() {
    if ((int) get_option('newsdesk_sync_schema', 1) >= NEWSDESK_SYNC_SCHEMA) {
        return;
    }
    global $wpdb;
    foreach (array_keys(newsdesk_sync_meta_keys()) as $name) {
        $wpdb->query($wpdb->prepare(
            "DELETE old FROM {$wpdb->postmeta} old JOIN {$wpdb->postmeta} new
             ON new.post_id = old.post_id AND new.meta_key = %s WHERE old.meta_key = %s",
            '_' . $name,
            $name
        ));
        $wpdb->query($wpdb->prepare(
            "UPDATE {$wpdb->postmeta} SET meta_key = %s WHERE meta_key = %s",
            '_' . $name,
            $name
        ));
    }
    update_option('newsdesk_sync_schema', NEWSDESK_SYNC_SCHEMA, true);
    wp_cache_flush();  // cached post meta still holds the old keys
}

/*
 * "Changed since": each Newsdesk sync asks for the posts modified after its last one
 * (REST `modified_after`, a date query on post_modified), which WordPress does not
 * index. On 100,000 posts every such request read the whole table: 2.1-2.4 s a page,
 * an idle sync's included (measured on the project's machine); with this index, 26 ms
 * for an idle sync and 113 ms for a page of a first sync's 90-day window. Added once,
 * by the first request after the plugin is installed or upgraded (about 2 s on 100,000
 * posts); if the database refuses (no ALTER privilege), tried again a day later, and
 * everything works as before meanwhile, only slower.
 */
const NEWSDESK_SYNC_INDEXES = 1;  // raised when an index is added below

function newsdesk_sync_add_indexes() {
    $state = get_option('newsdesk_sync_indexes');
    if (is_array($state)
        && ((int) $state['version'] >= NEWSDESK_SYNC_INDEXES || time() - (int) $state['tried'] < DAY_IN_SECONDS)) {
        return;
    }
    // One request adds it: add_option is an INSERT that only one of two requests wins.
    if (!add_option('newsdesk_sync_indexing', time(), '', 'no')) {
        if (time() - (int) get_option('newsdesk_sync_indexing') < 600) {
            return;
        }
        update_option('newsdesk_sync_indexing', time(), 'no');  // a request that died on it
    }
    global $wpdb;
    $ok = (bool) $wpdb->get_var("SHOW INDEX FROM {$wpdb->posts} WHERE Key_name = 'newsdesk_modified'")
        || $wpdb->query("ALTER TABLE {$wpdb->posts} ADD INDEX newsdesk_modified (post_type, post_status, post_modified)") !== false;
    update_option('newsdesk_sync_indexes', array(
        'version' => $ok ? NEWSDESK_SYNC_INDEXES : 0,
        'tried' => time(),
        'error' => $ok ? '' : $wpdb->last_error,
    ), true);
    delete_option('newsdesk_sync_indexing');
}

/** The request's meta with 1.x names under their protected names (a 1.x client still works). */
function newsdesk_sync_request_meta($request) {
    $meta = $request->get_param('meta');
    if (!is_array($meta)) {
        return array();
    }
    foreach (array_keys(newsdesk_sync_meta_keys()) as $name) {
        if (array_key_exists($name, $meta)) {
            if (!array_key_exists('_' . $name, $meta)) {
                $meta['_' . $name] = $meta[$name];
            }
            unset($meta[$name]);
        }
    }
    return $meta;
}

/*
 * modified_gmt has one-second resolution: two saves in the same second look
 * alike. Every save of a post (REST, block editor, classic screen, cron) bumps
 * a counter, shown read-only in REST as `newsdesk_version`.
 */
add_action('wp_insert_post', function ($post_id, $post, $update) {
    if ($post->post_type === 'post') {
        update_post_meta($post_id, '_newsdesk_version', (int) get_post_meta($post_id, '_newsdesk_version', true) + 1);
    }
}, 10, 3);

add_action('rest_api_init', function () {
    register_rest_field('post', 'newsdesk_version', array(
        'get_callback' => function ($post) {
            return (int) get_post_meta($post['id'], '_newsdesk_version', true);
        },
        'schema' => array('type' => 'integer', 'readonly' => true, 'context' => array('edit')),
    ));
});

/*
 * Nothing private in any answer to someone who may not edit the post: every route
 * that shows a post (collections, single posts, _embed, search embeds, batch) goes
 * through rest_prepare_post, and _fields is applied after it.
 */
function newsdesk_sync_strip_private($response, $post) {
    if (!($response instanceof WP_REST_Response) || current_user_can('edit_post', $post->ID)) {
        return $response;
    }
    $data = $response->get_data();
    if (is_array($data)) {
        if (isset($data['meta']) && is_array($data['meta'])) {
            foreach (array_keys($data['meta']) as $key) {
                if (strpos(ltrim((string) $key, '_'), 'newsdesk_') === 0) {
                    unset($data['meta'][$key]);
                }
            }
        }
        unset($data['newsdesk_version']);
        $response->set_data($data);
    }
    return $response;
}
add_filter('rest_prepare_post', 'newsdesk_sync_strip_private', 99, 2);
add_filter('rest_prepare_revision', 'newsdesk_sync_strip_private', 99, 2);
add_filter('rest_prepare_autosave', 'newsdesk_sync_strip_private', 99, 2);

// Themes that list custom fields skip protected keys; this covers a key written directly.
add_filter('is_protected_meta', function ($protected, $meta_key) {
    return $protected || strpos((string) $meta_key, 'newsdesk_') === 0;
}, 10, 2);

// ?newsdesk_uuid=... on /wp/v2/posts: the client finds its post by uuid.
add_filter('rest_post_collection_params', function ($params) {
    $params['newsdesk_uuid'] = array(
        'description' => 'Only the post carrying this Newsdesk uuid (users who may edit posts).',
        'type' => 'string',
    );
    return $params;
});
add_filter('rest_post_query', function ($args, $request) {
    if (!empty($request['newsdesk_uuid'])) {
        if (!current_user_can('edit_posts')) {
            // A reader may not learn which post carries a uuid: an empty answer.
            $args['post__in'] = array(0);
            return $args;
        }
        $args['meta_query'] = array(array('key' => '_newsdesk_uuid', 'value' => (string) $request['newsdesk_uuid']));
    }
    return $args;
}, 10, 2);

/**
 * Concurrency control. Every REST write to a post takes a per-post lock for the
 * rest of the request, so a check and its write cannot interleave with another
 * REST write (the block editor's included). A write that carries
 * X-Newsdesk-Base-Modified is refused with 409 when the post changed since.
 */
$GLOBALS['newsdesk_sync_locks'] = array();

/** A lock name under MySQL's 64 characters whatever the table prefix. */
function newsdesk_sync_lock_name($kind, $key) {
    global $wpdb;
    return 'newsdesk-' . $kind . '-' . md5($key . '|' . $wpdb->prefix);
}

function newsdesk_sync_lock($name) {
    global $wpdb;
    if (!isset($GLOBALS['newsdesk_sync_locks'][$name])) {
        $got = $wpdb->get_var($wpdb->prepare('SELECT GET_LOCK(%s, 15)', $name));
        if ((string) $got !== '1') {
            return false;
        }
        $GLOBALS['newsdesk_sync_locks'][$name] = true;
    }
    return true;
}

function newsdesk_sync_unlock_all() {
    global $wpdb;
    foreach (array_keys($GLOBALS['newsdesk_sync_locks']) as $name) {
        $wpdb->query($wpdb->prepare('SELECT RELEASE_LOCK(%s)', $name));
    }
    $GLOBALS['newsdesk_sync_locks'] = array();
}

/**
 * Idempotent creates: a create carrying a Newsdesk uuid that a post already
 * has is refused (409 `newsdesk_duplicate`). A create delayed in the network
 * past the client's retry can then never make a second post. The uuid lock is
 * held until the new post's meta is written. The answer names the post only to
 * a user who may edit it.
 */
function newsdesk_sync_check_create($prepared, $meta) {
    $uuid = isset($meta['_newsdesk_uuid']) ? (string) $meta['_newsdesk_uuid'] : '';
    if ($uuid === '') {
        return $prepared;
    }
    global $wpdb;
    if (!newsdesk_sync_lock(newsdesk_sync_lock_name('uuid', $uuid))) {
        return new WP_Error('newsdesk_busy', 'Another write with this uuid is in progress; try again.', array('status' => 503));
    }
    $existing = $wpdb->get_var($wpdb->prepare(
        "SELECT p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
         WHERE m.meta_key = '_newsdesk_uuid' AND m.meta_value = %s AND p.post_type = 'post' ORDER BY p.ID LIMIT 1",
        $uuid
    ));
    if ($existing) {
        newsdesk_sync_unlock_all();
        $data = array('status' => 409);
        if (current_user_can('edit_post', (int) $existing)) {
            $data['post_id'] = (int) $existing;
        }
        return new WP_Error('newsdesk_duplicate', 'A post with this Newsdesk uuid exists already.', $data);
    }
    return $prepared;
}

/** modified_gmt as the REST API reports it (drafts store a zero GMT date; REST derives it). */
function newsdesk_sync_modified_gmt($local, $gmt) {
    if ($gmt === '0000-00-00 00:00:00') {
        $gmt = gmdate('Y-m-d H:i:s', strtotime($local) - (float) get_option('gmt_offset') * 3600);
    }
    return str_replace(' ', 'T', $gmt);
}

function newsdesk_sync_check_stale($post_id, $request) {
    $base = $request->get_header(NEWSDESK_BASE_HEADER);
    $base_version = $request->get_header(NEWSDESK_VERSION_HEADER);
    if (($base === null || $base === '') && ($base_version === null || $base_version === '')) {
        return null;
    }
    global $wpdb;
    // Read past the object cache: the lock makes these the values our write replaces.
    $row = $wpdb->get_row($wpdb->prepare("SELECT post_modified, post_modified_gmt FROM {$wpdb->posts} WHERE ID = %d", $post_id));
    $current_iso = $row ? newsdesk_sync_modified_gmt($row->post_modified, $row->post_modified_gmt) : '';
    $current_version = (int) $wpdb->get_var($wpdb->prepare("SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_newsdesk_version'", $post_id));
    $stale = ($base !== null && $base !== '' && rtrim($base, 'Z') !== $current_iso)
        || ($base_version !== null && $base_version !== '' && (int) $base_version !== $current_version);
    if (!$stale) {
        return null;
    }
    return new WP_Error(
        'newsdesk_stale_write',
        'The post was changed on the server after the version this edit started from.',
        array('status' => 409, 'modified_gmt' => $current_iso, 'newsdesk_version' => $current_version, 'base_modified_gmt' => $base)
    );
}

/**
 * The editorial stage is the editors' to set: a user without edit_others_posts
 * (contributor, author) may only move their own draft or returned story to
 * submitted (or back to draft, or spike it), never approve or publish it.
 */
function newsdesk_sync_check_stage($post_id, $meta) {
    if (!array_key_exists('_newsdesk_stage', $meta) || current_user_can('edit_others_posts')) {
        return null;
    }
    $wanted = (string) $meta['_newsdesk_stage'];
    $current = $post_id ? (string) get_post_meta($post_id, '_newsdesk_stage', true) : '';
    if ($wanted === $current
        || (in_array($current, NEWSDESK_REPORTER_FROM, true) && in_array($wanted, NEWSDESK_REPORTER_STAGES, true))) {
        return null;
    }
    return new WP_Error(
        'newsdesk_stage_forbidden',
        sprintf('Only editors may move a story from "%s" to "%s".', $current === '' ? 'new' : $current, $wanted),
        array('status' => 403)
    );
}

/** The client's identity of a note (author, time, text), as Newsdesk computes it. */
function newsdesk_sync_note_key($author, $created_at, $body) {
    return substr(sha1($author . "\n" . $created_at . "\n" . $body), 0, 16);
}

/**
 * Notes are only ever added, and the server names their author: the stored notes
 * stand as they are (a request can neither drop nor rewrite them), and each new
 * note is signed with the logged-in user's display name, whatever the request said.
 */
function newsdesk_sync_merge_notes($post_id, $raw) {
    $incoming = json_decode((string) $raw, true);
    if (!is_array($incoming)) {
        return new WP_Error('newsdesk_bad_notes', 'Notes must be a JSON list.', array('status' => 400));
    }
    $stored = $post_id ? json_decode((string) get_post_meta($post_id, '_newsdesk_notes', true), true) : array();
    $stored = is_array($stored) ? $stored : array();
    $seen = array();  // identity (time, text) -> the key the note is stored under
    foreach ($stored as $note) {
        if (is_array($note) && isset($note['created_at'], $note['body'])) {
            $seen[$note['created_at'] . "\n" . $note['body']] = isset($note['key']) ? (string) $note['key'] : '';
        }
    }
    $user = wp_get_current_user();
    $author = $user->display_name !== '' ? $user->display_name : $user->user_login;
    $renamed = array();  // the key a client gave a note -> the key under its real author
    $added = array();
    foreach ($incoming as $note) {
        if (!is_array($note) || !isset($note['created_at'], $note['body']) || !is_string($note['body'])) {
            continue;
        }
        $identity = $note['created_at'] . "\n" . $note['body'];
        $key = isset($seen[$identity])
            ? $seen[$identity]
            : newsdesk_sync_note_key($author, (string) $note['created_at'], $note['body']);
        if (isset($note['key'])) {
            $renamed[(string) $note['key']] = $key;  // a reply names its parent by this key
        }
        if (isset($seen[$identity])) {
            continue;  // stored already: the stored note stands
        }
        $seen[$identity] = $key;
        $note['key'] = $key;
        $note['author'] = $author;
        $note['author_id'] = (int) $user->ID;
        $added[] = $note;
    }
    foreach ($added as &$note) {
        if (isset($note['parent']) && isset($renamed[(string) $note['parent']])) {
            $note['parent'] = $renamed[(string) $note['parent']];
        }
    }
    unset($note);
    return wp_json_encode(array_merge($stored, $added), JSON_UNESCAPED_UNICODE);
}

add_filter('rest_pre_insert_post', function ($prepared, $request) {
    $meta = newsdesk_sync_request_meta($request);
    $post_id = empty($prepared->ID) ? 0 : (int) $prepared->ID;
    if ($post_id === 0) {
        $prepared = newsdesk_sync_check_create($prepared, $meta);
        if (is_wp_error($prepared)) {
            return $prepared;
        }
    } elseif (!newsdesk_sync_lock(newsdesk_sync_lock_name('post', (string) $post_id))) {
        return new WP_Error('newsdesk_busy', 'Another write to this post is in progress; try again.', array('status' => 503));
    } elseif ($stale = newsdesk_sync_check_stale($post_id, $request)) {
        newsdesk_sync_unlock_all();
        return $stale;
    }
    if ($forbidden = newsdesk_sync_check_stage($post_id, $meta)) {
        newsdesk_sync_unlock_all();
        return $forbidden;
    }
    if (array_key_exists('_newsdesk_notes', $meta)) {
        $notes = newsdesk_sync_merge_notes($post_id, $meta['_newsdesk_notes']);
        if (is_wp_error($notes)) {
            newsdesk_sync_unlock_all();
            return $notes;
        }
        $meta['_newsdesk_notes'] = $notes;
    }
    unset($meta['_newsdesk_content_sha']);  // read-only: the plugin writes it below
    if ($request->get_param('meta') !== null) {
        $request->set_param('meta', $meta);  // what the REST meta handler then writes
    }
    return $prepared;
}, 10, 2);

add_action('rest_after_insert_post', function ($post, $request, $creating) {
    $meta = $request->get_param('meta');
    if (is_array($meta) && array_key_exists('_newsdesk_markdown', $meta)) {
        // Lets a client tell whether the Markdown still matches the content
        // (a web edit changes post_content but not the Markdown).
        update_post_meta($post->ID, '_newsdesk_content_sha', sha1($post->post_content));
    }
    newsdesk_sync_unlock_all();
}, 10, 3);

add_action('shutdown', 'newsdesk_sync_unlock_all');

/*
 * Claims: which editor is working on a story, shared by every desktop and by wp-admin.
 * A claim is `_newsdesk_claim` (JSON: user_id, name, at), written only here, with the
 * server's clock and the user's display name; it also sets WordPress's own post lock
 * (`_edit_lock`, "time:user_id") so wp-admin says "… is currently editing". A lock
 * taken in wp-admin by someone else after the claim is the claim from then on.
 */
const NEWSDESK_CLAIM_KEY = '_newsdesk_claim';

/** How long wp-admin counts a post lock as live (wp_check_post_lock's window). */
function newsdesk_sync_lock_window() {
    return (int) apply_filters('wp_check_post_lock_window', 150);
}

/** `_edit_lock` as stored (time, user id), read past the filter below. */
function newsdesk_sync_raw_lock($post_id) {
    global $wpdb;
    $raw = (string) $wpdb->get_var($wpdb->prepare(
        "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_edit_lock' ORDER BY meta_id DESC LIMIT 1",
        $post_id
    ));
    $parts = explode(':', $raw);
    if (count($parts) !== 2 || !(int) $parts[1]) {
        return null;
    }
    return array('time' => (int) $parts[0], 'user_id' => (int) $parts[1]);
}

function newsdesk_sync_stored_claim($post_id) {
    global $wpdb;
    $raw = $wpdb->get_var($wpdb->prepare(
        "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = %s ORDER BY meta_id DESC LIMIT 1",
        $post_id,
        NEWSDESK_CLAIM_KEY
    ));
    $claim = json_decode((string) $raw, true);
    return is_array($claim) && !empty($claim['user_id']) ? $claim : null;
}

function newsdesk_sync_person($user_id) {
    $user = get_userdata($user_id);
    if (!$user) {
        return 'user ' . $user_id;
    }
    return $user->display_name !== '' ? $user->display_name : $user->user_login;
}

/** The post's claim as the newsroom sees it, or null: {user_id, name, at, source}. */
function newsdesk_sync_claim_of($post_id) {
    $claim = newsdesk_sync_stored_claim($post_id);
    $lock = newsdesk_sync_raw_lock($post_id);
    if ($lock && (!$claim || $lock['user_id'] !== (int) $claim['user_id'])
        && $lock['time'] > time() - newsdesk_sync_lock_window()) {
        // Someone has the post open in wp-admin: theirs while their lock is live.
        return array(
            'user_id' => $lock['user_id'],
            'name' => newsdesk_sync_person($lock['user_id']),
            'at' => gmdate('Y-m-d\TH:i:s\Z', $lock['time']),
            'source' => 'wp-admin',
            // When it lapses unless renewed (2.3): nothing is written then, so a desktop
            // holding it syncs in full at that time rather than trust the change counter.
            'until' => gmdate('Y-m-d\TH:i:s', $lock['time'] + newsdesk_sync_lock_window()),
        );
    }
    if (!$claim) {
        return null;
    }
    return array(
        'user_id' => (int) $claim['user_id'],
        'name' => (string) $claim['name'],
        'at' => (string) $claim['at'],
        'source' => 'newsdesk',
    );
}

/*
 * wp-admin counts a post lock as live for 150 s and its editor renews it while open;
 * a Newsdesk claim lasts until released, so the claimant's lock reads as fresh.
 */
add_filter('get_post_metadata', function ($value, $post_id, $meta_key) {
    if ($meta_key !== '_edit_lock' || $value !== null) {
        return $value;
    }
    $claim = newsdesk_sync_claim_of((int) $post_id);
    if ($claim && $claim['source'] === 'newsdesk') {
        return array(time() . ':' . $claim['user_id']);
    }
    return $value;
}, 10, 3);

/*
 * Someone took the post in wp-admin (wp_set_post_lock, "Take over"): the Newsdesk
 * claim it replaced is over, and does not come back when they leave.
 */
function newsdesk_sync_lock_taken($meta_id, $post_id, $meta_key, $value) {
    if ($meta_key !== '_edit_lock') {
        return;
    }
    $claim = newsdesk_sync_stored_claim((int) $post_id);
    $parts = explode(':', (string) $value);
    if ($claim && count($parts) === 2 && (int) $parts[1] !== (int) $claim['user_id']) {
        delete_post_meta((int) $post_id, NEWSDESK_CLAIM_KEY);
    }
}
add_action('added_post_meta', 'newsdesk_sync_lock_taken', 10, 4);
add_action('updated_post_meta', 'newsdesk_sync_lock_taken', 10, 4);

function newsdesk_sync_clear_claim($post_id, $user_id) {
    delete_post_meta($post_id, NEWSDESK_CLAIM_KEY);
    $lock = newsdesk_sync_raw_lock($post_id);
    if ($lock && $lock['user_id'] === (int) $user_id) {
        delete_post_meta($post_id, '_edit_lock');
    }
}

function newsdesk_sync_may_claim($request) {
    $post = get_post((int) $request['id']);
    if (!$post || $post->post_type !== 'post') {
        return new WP_Error('rest_post_invalid_id', 'No such post.', array('status' => 404));
    }
    if (!current_user_can('edit_others_posts') || !current_user_can('edit_post', $post->ID)) {
        return new WP_Error('newsdesk_claim_forbidden', 'Only editors claim stories.', array('status' => 403));
    }
    return true;
}

function newsdesk_sync_claim($request) {
    $post_id = (int) $request['id'];
    if (!newsdesk_sync_lock(newsdesk_sync_lock_name('claim', (string) $post_id))) {
        return new WP_Error('newsdesk_busy', 'Another claim of this story is in progress; try again.', array('status' => 503));
    }
    $me = get_current_user_id();
    $held = newsdesk_sync_claim_of($post_id);
    if ($held && $held['user_id'] !== $me && !$request['take_over']) {
        return new WP_Error(
            'newsdesk_claimed',
            sprintf('Being edited by %s since %s (take over to continue).', $held['name'], $held['at']),
            array('status' => 409, 'claim' => $held)
        );
    }
    $claim = array('user_id' => $me, 'name' => newsdesk_sync_person($me), 'at' => gmdate('Y-m-d\TH:i:s\Z'));
    // The lock first: with the claim written, the filter above would already show it
    // as fresh, and update_post_meta skips a write of the value it reads.
    update_post_meta($post_id, '_edit_lock', time() . ':' . $me);
    update_post_meta($post_id, NEWSDESK_CLAIM_KEY, wp_slash(wp_json_encode($claim, JSON_UNESCAPED_UNICODE)));
    return array('claim' => newsdesk_sync_claim_of($post_id), 'previous' => $held && $held['user_id'] !== $me ? $held : null);
}

function newsdesk_sync_release($request) {
    $post_id = (int) $request['id'];
    $held = newsdesk_sync_claim_of($post_id);
    if ($held && $held['user_id'] === get_current_user_id()) {
        newsdesk_sync_clear_claim($post_id, $held['user_id']);
    }
    return array('claim' => newsdesk_sync_claim_of($post_id));
}

/** Every live claim on a post the user may edit: what a pull brings to the desktop. */
function newsdesk_sync_claims() {
    global $wpdb;
    $ids = $wpdb->get_col($wpdb->prepare(
        "SELECT DISTINCT m.post_id FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id
         WHERE p.post_type = 'post' AND (m.meta_key = %s
            OR (m.meta_key = '_edit_lock' AND CAST(SUBSTRING_INDEX(m.meta_value, ':', 1) AS UNSIGNED) > %d))",
        NEWSDESK_CLAIM_KEY,
        time() - newsdesk_sync_lock_window()
    ));
    $claims = array();
    foreach ($ids as $id) {
        $claim = newsdesk_sync_claim_of((int) $id);
        if ($claim && current_user_can('edit_post', (int) $id)) {
            $claims[] = array_merge(array('post_id' => (int) $id), $claim);
        }
    }
    return $claims;
}

// A story that leaves the edit (returned, approved, published...) is no one's any more.
// A write still saying "submitted" (a desk that has not seen the claim yet) releases nothing.
add_action('rest_after_insert_post', function ($post, $request) {
    $meta = $request->get_param('meta');
    if (is_array($meta) && isset($meta['_newsdesk_stage'])
        && !in_array($meta['_newsdesk_stage'], array('in_edit', 'submitted'), true)) {
        $claim = newsdesk_sync_stored_claim($post->ID);
        if ($claim) {
            newsdesk_sync_clear_claim($post->ID, (int) $claim['user_id']);
        }
    }
}, 5, 2);

/*
 * Scheduled means published. WordPress publishes a `future` post from its cron,
 * which runs on page views (never on REST requests) or not at all
 * (DISABLE_WP_CRON without a system cron): a post can miss its time. Newsdesk
 * asks here at each sync. The post's modified time moves on, so the next
 * incremental pull sees it published.
 */
function newsdesk_sync_publish_missed() {
    global $wpdb;
    $ids = array_map('intval', $wpdb->get_col($wpdb->prepare(
        "SELECT ID FROM {$wpdb->posts} WHERE post_type = 'post' AND post_status = 'future' AND post_date_gmt <= %s",
        gmdate('Y-m-d H:i:s')
    )));
    foreach ($ids as $id) {
        wp_publish_post($id);
        if (get_post_meta($id, '_newsdesk_stage', true) === 'scheduled') {
            update_post_meta($id, '_newsdesk_stage', 'published');
        }
        $wpdb->update(
            $wpdb->posts,
            array('post_modified' => current_time('mysql'), 'post_modified_gmt' => current_time('mysql', true)),
            array('ID' => $id)
        );
        clean_post_cache($id);
    }
    return array('published' => $ids);
}

add_action('rest_api_init', function () {
    $editors_only = function () {
        return current_user_can('edit_others_posts')
            ? true
            : new WP_Error('newsdesk_forbidden', 'Only editors may do this.', array('status' => 403));
    };
    register_rest_route('newsdesk/v1', '/posts/(?P<id>\d+)/claim', array(
        array(
            'methods' => 'POST',
            'permission_callback' => 'newsdesk_sync_may_claim',
            'callback' => 'newsdesk_sync_claim',
            'args' => array('take_over' => array('type' => 'boolean', 'default' => false)),
        ),
        array(
            'methods' => 'DELETE',
            'permission_callback' => 'newsdesk_sync_may_claim',
            'callback' => 'newsdesk_sync_release',
        ),
    ));
    register_rest_route('newsdesk/v1', '/claims', array(
        'methods' => 'GET',
        'permission_callback' => function () {
            return current_user_can('edit_posts');
        },
        'callback' => function () {
            // The shared photo library's newest change rides along (2.2): an idle
            // sync then needs no request of its own for the library.
            $response = rest_ensure_response(newsdesk_sync_claims());
            $response->header('X-Newsdesk-Library-Modified', newsdesk_sync_library_modified());
            return $response;
        },
    ));
    register_rest_route('newsdesk/v1', '/publish-missed', array(
        'methods' => 'POST',
        'permission_callback' => $editors_only,
        'callback' => 'newsdesk_sync_publish_missed',
    ));
});

// Discovery: GET /wp-json/newsdesk/v1/info tells the client the plugin is there, and how it keeps meta.
add_action('rest_api_init', function () {
    register_rest_route('newsdesk/v1', '/info', array(
        'methods' => 'GET',
        'permission_callback' => '__return_true',
        'callback' => function () {
            return array(
                'plugin' => 'newsdesk-sync',
                'version' => NEWSDESK_SYNC_VERSION,
                'meta_schema' => NEWSDESK_SYNC_SCHEMA,
                'stale_write_headers' => array('X-Newsdesk-Base-Modified', 'X-Newsdesk-Base-Version'),
                'meta' => newsdesk_sync_private_keys(),
                'claims' => true,
                'publish_missed' => true,
                'library' => true,
                'embargo' => true,
                'changes' => true,
                'modified_index' => (int) (get_option('newsdesk_sync_indexes')['version'] ?? 0) >= NEWSDESK_SYNC_INDEXES,
            );
        },
    ));
});

/*
 * Photos travel with a story: each media item Newsdesk uploads carries the photo's
 * uuid, caption and credit (JSON), so another desk pulling the story files the photo
 * under the uuid the story's body names. Protected; shown to the newsroom (a reporter
 * may not edit an editor's media item, so context=view too) and to no reader;
 * written by anyone who may edit the media item.
 */
add_action('init', function () {
    register_post_meta('attachment', '_newsdesk_photo', array(
        'type' => 'string',
        'description' => 'The Newsdesk photo: {"uuid", "caption", "credit"} (JSON).',
        'single' => true,
        'default' => '',
        'show_in_rest' => array('schema' => array('context' => array('view', 'edit'))),
        'auth_callback' => function ($allowed, $meta_key, $post_id) {
            return current_user_can('edit_post', $post_id);
        },
    ));
});
// The newsroom (anyone who may write posts: a reporter pulling a photo an editor added
// to their story) reads it; readers never do.
add_filter('rest_prepare_attachment', function ($response, $post) {
    if (current_user_can('edit_posts')) {
        return $response;
    }
    return newsdesk_sync_strip_private($response, $post);
}, 99, 2);

/*
 * The shared photo library (2.2): a photo published by one desk is found by the hash of
 * its original, whoever sends it next, so it is uploaded once per site. The hash is kept
 * apart (`_newsdesk_photo_sha`, protected, never in a REST answer) for one meta query.
 */
function newsdesk_sync_photo_sha($meta_id, $post_id, $meta_key, $value) {
    if ($meta_key !== '_newsdesk_photo') {
        return;
    }
    $photo = json_decode((string) $value, true);
    $sha = is_array($photo) ? strtolower((string) ($photo['sha256'] ?? '')) : '';
    if (preg_match('/^[0-9a-f]{64}$/', $sha)) {
        update_post_meta($post_id, '_newsdesk_photo_sha', $sha);
    }
    // The embargo apart too (2.3), as a Unix time one meta query compares; 0: none.
    $until = is_array($photo) ? strtotime((string) ($photo['embargo_until'] ?? '')) : false;
    update_post_meta($post_id, '_newsdesk_embargo_until', $until ? (int) $until : 0);
}

/*
 * An agency photo under embargo (2.3) is the newsroom's until the embargo ends: a reader
 * (anyone who may not write posts) gets no media item, no listing and no attachment
 * page for it; at the embargo's time it shows as any other, with no request from a desk.
 */
function newsdesk_sync_embargoed($post_id) {
    $until = (int) get_post_meta($post_id, '_newsdesk_embargo_until', true);
    return $until > time();
}
add_filter('rest_attachment_query', function ($args, $request) {
    if (current_user_can('edit_posts')) {
        return $args;
    }
    $open = array(
        'relation' => 'OR',
        array('key' => '_newsdesk_embargo_until', 'compare' => 'NOT EXISTS'),
        array('key' => '_newsdesk_embargo_until', 'value' => time(), 'compare' => '<=', 'type' => 'NUMERIC'),
    );
    $args['meta_query'] = empty($args['meta_query']) ? $open : array('relation' => 'AND', $args['meta_query'], $open);
    return $args;
}, 20, 2);
// One item asked for by id (an embed of a post's featured image included): as if absent.
add_filter('rest_request_before_callbacks', function ($response, $handler, $request) {
    if (is_wp_error($response) || current_user_can('edit_posts')) {
        return $response;
    }
    if (preg_match('#^/wp/v2/media/(\d+)#', $request->get_route(), $found) && newsdesk_sync_embargoed((int) $found[1])) {
        return new WP_Error('rest_post_invalid_id', 'Invalid post ID.', array('status' => 404));
    }
    return $response;
}, 10, 3);
add_action('template_redirect', function () {
    if (is_attachment() && !current_user_can('edit_posts') && newsdesk_sync_embargoed(get_queried_object_id())) {
        global $wp_query;
        $wp_query->set_404();
        status_header(404);
        nocache_headers();
    }
});
// Featured images and image blocks of a post point at the item; a reader of a published
// post sees none while the photo is embargoed (the checklist stops such a post, this
// stops a post published in wp-admin).
add_filter('wp_get_attachment_image_src', function ($image, $attachment_id) {
    if ($image && !current_user_can('edit_posts') && newsdesk_sync_embargoed($attachment_id)) {
        return false;
    }
    return $image;
}, 10, 2);
add_action('added_post_meta', 'newsdesk_sync_photo_sha', 10, 4);
add_action('updated_post_meta', 'newsdesk_sync_photo_sha', 10, 4);

// POST /newsdesk/v1/media/lookup {"hashes": [...]} -> {"found": {hash: media id}}: which
// photos the site has already, in one request (up to 500 hashes).
function newsdesk_sync_media_lookup($request) {
    $hashes = $request->get_param('hashes');
    if (!is_array($hashes) || count($hashes) > 500) {
        return new WP_Error('newsdesk_bad_hashes', 'Give up to 500 hashes.', array('status' => 400));
    }
    $hashes = array_values(array_filter(array_map('strtolower', array_map('strval', $hashes)), function ($h) {
        return preg_match('/^[0-9a-f]{64}$/', $h);
    }));
    $found = array();
    if ($hashes) {
        $ids = get_posts(array(
            'post_type' => 'attachment',
            'post_status' => 'inherit',
            'numberposts' => -1,
            'fields' => 'ids',
            'orderby' => 'ID',
            'order' => 'ASC',
            'meta_query' => array(array('key' => '_newsdesk_photo_sha', 'value' => $hashes, 'compare' => 'IN')),
        ));
        foreach ($ids as $id) {
            $sha = get_post_meta($id, '_newsdesk_photo_sha', true);
            if (!isset($found[$sha])) {
                $found[$sha] = (int) $id;  // the first upload wins
            }
        }
    }
    return array('found' => (object) $found);
}
add_action('rest_api_init', function () {
    register_rest_route('newsdesk/v1', '/media/lookup', array(
        'methods' => 'POST',
        'permission_callback' => function () {
            return current_user_can('edit_posts');
        },
        'callback' => 'newsdesk_sync_media_lookup',
    ));
});

// GET /wp/v2/media?newsdesk_library=1: only the newsroom's library photos (for the
// newsroom; a reader asking gets an empty list, as for ?newsdesk_uuid=).
add_filter('rest_attachment_collection_params', function ($params) {
    $params['newsdesk_library'] = array(
        'description' => 'Only the Newsdesk library photos (users who may edit posts).',
        'type' => 'boolean',
    );
    return $params;
});
add_filter('rest_attachment_query', function ($args, $request) {
    if (!empty($request['newsdesk_library'])) {
        if (!current_user_can('edit_posts')) {
            $args['post__in'] = array(0);
            return $args;
        }
        $args['meta_query'] = array(array('key' => '_newsdesk_photo_sha', 'compare' => 'EXISTS'));
    }
    return $args;
}, 10, 2);

/** The newest modified time (GMT, ISO) of a library photo; '' when there is none. */
function newsdesk_sync_library_modified() {
    global $wpdb;
    $newest = $wpdb->get_var(
        "SELECT MAX(p.post_modified_gmt) FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m
         ON m.post_id = p.ID AND m.meta_key = '_newsdesk_photo_sha' WHERE p.post_type = 'attachment'"
    );
    return $newest ? str_replace(' ', 'T', (string) $newest) : '';
}

/*
 * The newsroom's change counter (2.3). An idle desktop asks one cheap question,
 * GET /newsdesk/v1/changes, instead of the posts changed since, the claims and the
 * library: the counter moves once per request that changed anything Newsdesk syncs
 * (a post, page or media item saved, trashed or deleted; their meta that matters,
 * claims and wp-admin's post lock taken, handed or left, not its renewal; the terms
 * posts use). Bumped at `shutdown`, after the request's writes, with one atomic
 * UPDATE (two requests ending together both count). A pure read moves nothing.
 * Writes that bypass WordPress (raw SQL) are not seen: desktops sync in full every
 * ten minutes anyway.
 */
const NEWSDESK_CHANGES_OPTION = 'newsdesk_sync_changes';
const NEWSDESK_CHANGED_GMT_OPTION = 'newsdesk_sync_changed_gmt';
const NEWSDESK_SYNCED_TYPES = array('post', 'page', 'attachment');

$GLOBALS['newsdesk_sync_changed'] = false;
$GLOBALS['newsdesk_sync_lock_before'] = array();

function newsdesk_sync_changed() {
    $GLOBALS['newsdesk_sync_changed'] = true;
}

function newsdesk_sync_counts_post($post) {
    $post = get_post($post);
    // An auto-draft is wp-admin's "Add New" page opening, not a story yet.
    return $post && in_array($post->post_type, NEWSDESK_SYNCED_TYPES, true) && $post->post_status !== 'auto-draft';
}

add_action('save_post', function ($post_id, $post) {
    if (newsdesk_sync_counts_post($post)) {
        newsdesk_sync_changed();
    }
}, 10, 2);
foreach (array('trashed_post', 'untrashed_post', 'add_attachment', 'edit_attachment', 'delete_attachment') as $hook) {
    add_action($hook, function ($post_id) {
        if (newsdesk_sync_counts_post($post_id)) {
            newsdesk_sync_changed();
        }
    });
}
add_action('deleted_post', function ($post_id, $post = null) {
    if ($post && in_array($post->post_type, NEWSDESK_SYNCED_TYPES, true)) {
        newsdesk_sync_changed();
    }
}, 10, 2);
add_action('set_object_terms', function ($object_id) {
    if (newsdesk_sync_counts_post($object_id)) {
        newsdesk_sync_changed();
    }
});
foreach (array('created_term', 'edited_term', 'delete_term') as $hook) {
    add_action($hook, function ($term_id, $tt_id, $taxonomy) {
        if (is_object_in_taxonomy('post', $taxonomy)) {
            newsdesk_sync_changed();  // a category a story waited for exists now
        }
    }, 10, 3);
}

/** Meta a desktop reads: Newsdesk's own, the post lock, the featured image, alt text, public fields. */
function newsdesk_sync_meta_matters($meta_key) {
    $meta_key = (string) $meta_key;
    if (strpos(ltrim($meta_key, '_'), 'newsdesk_') === 0) {
        return true;
    }
    if (in_array($meta_key, array('_edit_lock', '_thumbnail_id', '_wp_attachment_image_alt', '_wp_attachment_metadata'), true)) {
        return true;
    }
    // Other protected keys are WordPress's bookkeeping (oEmbed caches written while a
    // post is read, old slugs...): not counted.
    return !is_protected_meta($meta_key, 'post');
}

// wp-admin renews an open post's lock every heartbeat: the lock as it was, to tell.
add_filter('update_post_metadata', function ($check, $post_id, $meta_key) {
    if ($meta_key === '_edit_lock') {
        $GLOBALS['newsdesk_sync_lock_before'][(int) $post_id] = newsdesk_sync_raw_lock((int) $post_id);
    }
    return $check;
}, 10, 3);

function newsdesk_sync_meta_changed($meta_ids, $post_id, $meta_key, $value) {
    if (!newsdesk_sync_meta_matters($meta_key) || !newsdesk_sync_counts_post((int) $post_id)) {
        return;
    }
    if ($meta_key === '_edit_lock' && current_action() === 'updated_post_meta') {
        $before = $GLOBALS['newsdesk_sync_lock_before'][(int) $post_id] ?? null;
        $parts = explode(':', (string) $value);
        if ($before && count($parts) === 2 && (int) $parts[1] === $before['user_id']
            && (int) $parts[0] >= $before['time'] && $before['time'] > time() - newsdesk_sync_lock_window()) {
            return;  // the same editor's live lock renewed: no claim changed
        }
    }
    newsdesk_sync_changed();
}
add_action('added_post_meta', 'newsdesk_sync_meta_changed', 20, 4);
add_action('updated_post_meta', 'newsdesk_sync_meta_changed', 20, 4);
add_action('deleted_post_meta', 'newsdesk_sync_meta_changed', 20, 4);

function newsdesk_sync_bump_changes() {
    if (empty($GLOBALS['newsdesk_sync_changed'])) {
        return;
    }
    $GLOBALS['newsdesk_sync_changed'] = false;
    global $wpdb;
    if (get_option(NEWSDESK_CHANGES_OPTION, null) === null) {
        // Autoloaded from the first change on: /changes then reads it without a query.
        add_option(NEWSDESK_CHANGES_OPTION, '0', '', true);
    }
    // One atomic UPDATE: a read-then-write would let two requests ending together count once.
    $wpdb->query($wpdb->prepare(
        "UPDATE {$wpdb->options} SET option_value = CAST(option_value AS UNSIGNED) + 1 WHERE option_name = %s",
        NEWSDESK_CHANGES_OPTION
    ));
    wp_cache_delete('alloptions', 'options');
    wp_cache_delete(NEWSDESK_CHANGES_OPTION, 'options');
    update_option(NEWSDESK_CHANGED_GMT_OPTION, gmdate('Y-m-d\TH:i:s'), true);
}
// Before the locks are let go (priority 10): a desktop that waited on one sees the new number.
add_action('shutdown', 'newsdesk_sync_bump_changes', 5);

function newsdesk_sync_changes() {
    // Autoloaded options: read with the request's first query, no query of their own.
    return array(
        'version' => (int) get_option(NEWSDESK_CHANGES_OPTION, 0),
        'modified_gmt' => (string) get_option(NEWSDESK_CHANGED_GMT_OPTION, ''),
        'now' => gmdate('Y-m-d\TH:i:s'),  // the server's clock, for the lapse of a wp-admin lock
    );
}
add_action('rest_api_init', function () {
    register_rest_route('newsdesk/v1', '/changes', array(
        'methods' => 'GET',
        'permission_callback' => function () {
            return current_user_can('edit_posts');
        },
        'callback' => 'newsdesk_sync_changes',
    ));
});
