<?php
/*
 * Plugin Name: Newsdesk test harness: quiet
 * Description: No mail and no outgoing HTTP from the throwaway test site.
 */
if (!function_exists('wp_mail')) {
    function wp_mail($to, $subject, $message, $headers = '', $attachments = array()) {
        return true;
    }
}
// Update checks and other outgoing requests would wait on a network that is not there.
add_filter('pre_http_request', function ($pre, $args, $url) {
    return new WP_Error('http_request_blocked', 'Outgoing HTTP is disabled on the test site.');
}, 10, 3);
