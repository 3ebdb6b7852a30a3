<?php
/*
 * Plugin Name: Newsdesk sync companion
 * Description: What Newsdesk needs from the WordPress REST API that WordPress lacks: post meta for the Newsdesk uuid, Markdown source, sources, byline, editorial stage and notes; finding a post by uuid; and refusing a stale write (409 with the current modified_gmt).
 * Version: 1.0.0
 * Requires at least: 5.6
 * License: MIT
 *
 * Install: copy this one file into wp-content/mu-plugins/ (must-use plugins
 * load at once, need no activation and cannot be switched off by accident).
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWSDESK_SYNC_VERSION = '1.0.0';
const NEWSDESK_BASE_HEADER = 'x_newsdesk_base_modified';  // X-Newsdesk-Base-Modified, as WP_REST_Request names it
const NEWSDESK_VERSION_HEADER = 'x_newsdesk_base_version';  // X-Newsdesk-Base-Version

/** Post meta Newsdesk reads and writes; WordPress drops unregistered meta silently. */
function newsdesk_sync_meta_keys() {
    return array(
        'newsdesk_uuid' => 'The Newsdesk article uuid (finds the post again after a lost answer).',
        'newsdesk_markdown' => 'The Markdown the content was rendered from.',
        'newsdesk_content_sha' => 'sha1 of post_content when newsdesk_markdown was written (set by the plugin).',
        'newsdesk_sources' => 'The sources the reporter relied on (JSON list).',
        'newsdesk_byline' => 'The byline as the newsroom writes it.',
        'newsdesk_stage' => 'The editorial stage (draft, submitted, in_edit, ...).',
        'newsdesk_notes' => 'Editorial notes: never published.',
    );
}

add_action('init', function () {
    foreach (newsdesk_sync_meta_keys() as $key => $description) {
        register_post_meta('post', $key, array(
            'type' => 'string',
            'description' => $description,
            'single' => true,
            'default' => '',
            'show_in_rest' => true,
            'auth_callback' => function ($allowed, $meta_key, $post_id) {
                return current_user_can('edit_post', $post_id);
            },
        ));
    }
});

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
        'schema' => array('type' => 'integer', 'readonly' => true, 'context' => array('view', 'edit')),
    ));
});

// ?newsdesk_uuid=... on /wp/v2/posts: the client finds its post by uuid.
add_filter('rest_post_collection_params', function ($params) {
    $params['newsdesk_uuid'] = array(
        'description' => 'Only the post carrying this Newsdesk uuid.',
        'type' => 'string',
    );
    return $params;
});
add_filter('rest_post_query', function ($args, $request) {
    if (!empty($request['newsdesk_uuid'])) {
        $args['meta_query'] = array(array('key' => 'newsdesk_uuid', 'value' => (string) $request['newsdesk_uuid']));
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

function newsdesk_sync_lock($post_id) {
    global $wpdb;
    $name = 'newsdesk-post-' . (int) $post_id . '-' . $wpdb->prefix;
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
 * has is refused (409 `newsdesk_duplicate`, with that post's id). A create
 * delayed in the network past the client's retry can then never make a second
 * post. The uuid lock is held until the new post's meta is written.
 */
function newsdesk_sync_check_create($prepared, $request) {
    $meta = $request->get_param('meta');
    $uuid = is_array($meta) && isset($meta['newsdesk_uuid']) ? (string) $meta['newsdesk_uuid'] : '';
    if ($uuid === '') {
        return $prepared;
    }
    global $wpdb;
    $name = 'newsdesk-uuid-' . md5($uuid . $wpdb->prefix);
    if ((string) $wpdb->get_var($wpdb->prepare('SELECT GET_LOCK(%s, 15)', $name)) !== '1') {
        return new WP_Error('newsdesk_busy', 'Another write with this uuid is in progress; try again.', array('status' => 503));
    }
    $GLOBALS['newsdesk_sync_locks'][$name] = true;
    $existing = $wpdb->get_var($wpdb->prepare(
        "SELECT p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
         WHERE m.meta_key = 'newsdesk_uuid' AND m.meta_value = %s AND p.post_type = 'post' ORDER BY p.ID LIMIT 1",
        $uuid
    ));
    if ($existing) {
        newsdesk_sync_unlock_all();
        return new WP_Error(
            'newsdesk_duplicate',
            'A post with this Newsdesk uuid exists already.',
            array('status' => 409, 'post_id' => (int) $existing)
        );
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

add_filter('rest_pre_insert_post', function ($prepared, $request) {
    if (empty($prepared->ID)) {
        return newsdesk_sync_check_create($prepared, $request);
    }
    if (!newsdesk_sync_lock($prepared->ID)) {
        return new WP_Error('newsdesk_busy', 'Another write to this post is in progress; try again.', array('status' => 503));
    }
    $base = $request->get_header(NEWSDESK_BASE_HEADER);
    $base_version = $request->get_header(NEWSDESK_VERSION_HEADER);
    if (($base === null || $base === '') && ($base_version === null || $base_version === '')) {
        return $prepared;
    }
    global $wpdb;
    // Read past the object cache: the lock makes these the values our write replaces.
    $row = $wpdb->get_row($wpdb->prepare("SELECT post_modified, post_modified_gmt FROM {$wpdb->posts} WHERE ID = %d", $prepared->ID));
    $current_iso = $row ? newsdesk_sync_modified_gmt($row->post_modified, $row->post_modified_gmt) : '';
    $current_version = (int) $wpdb->get_var($wpdb->prepare("SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_newsdesk_version'", $prepared->ID));
    $stale = ($base !== null && $base !== '' && rtrim($base, 'Z') !== $current_iso)
        || ($base_version !== null && $base_version !== '' && (int) $base_version !== $current_version);
    if ($stale) {
        newsdesk_sync_unlock_all();
        return new WP_Error(
            'newsdesk_stale_write',
            'The post was changed on the server after the version this edit started from.',
            array('status' => 409, 'modified_gmt' => $current_iso, 'newsdesk_version' => $current_version, 'base_modified_gmt' => $base)
        );
    }
    return $prepared;
}, 10, 2);

add_action('rest_after_insert_post', function ($post, $request, $creating) {
    $meta = $request->get_param('meta');
    if (is_array($meta) && array_key_exists('newsdesk_markdown', $meta)) {
        // Lets a client tell whether the Markdown still matches the content
        // (a web edit changes post_content but not the Markdown).
        update_post_meta($post->ID, 'newsdesk_content_sha', sha1($post->post_content));
    }
    newsdesk_sync_unlock_all();
}, 10, 3);

add_action('shutdown', 'newsdesk_sync_unlock_all');

// Discovery: GET /wp-json/newsdesk/v1/info tells the client the plugin is there.
add_action('rest_api_init', function () {
    register_rest_route('newsdesk/v1', '/info', array(
        'methods' => 'GET',
        'permission_callback' => '__return_true',
        'callback' => function () {
            return array(
                'plugin' => 'newsdesk-sync',
                'version' => NEWSDESK_SYNC_VERSION,
                'stale_write_headers' => array('X-Newsdesk-Base-Modified', 'X-Newsdesk-Base-Version'),
                'meta' => array_keys(newsdesk_sync_meta_keys()),
            );
        },
    ));
});
