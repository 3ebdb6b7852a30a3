<?php
// Installs WordPress without a browser and creates one user per role, each
// with an application password. Usage: php install.php WPDIR ADMIN_PASSWORD
// Prints JSON: {"users": {"administrator": {"id", "login", "app_password"}, ...}}
define('WP_INSTALLING', true);
$wpdir = $argv[1];
$_SERVER['HTTP_HOST'] = parse_url(getenv('NEWSDESK_WP_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('NEWSDESK_WP_URL'), PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
require $wpdir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

$result = wp_install('Newsdesk test site', 'admin', 'admin@example.test', false, '', $argv[2]);
update_option('permalink_structure', '/%postname%/');
switch_theme('newsdesk-test');  // tests/wordpress/theme: pages a reader would see
update_option('timezone_string', 'UTC');
flush_rewrite_rules(true);

$users = array();
foreach (array('administrator', 'editor', 'author', 'contributor') as $role) {
    if ($role === 'administrator') {
        $id = $result['user_id'];
    } else {
        $id = wp_insert_user(array(
            'user_login' => $role,
            'user_pass' => $argv[2],
            'user_email' => $role . '@example.test',
            'role' => $role,
            'display_name' => ucfirst($role) . ' Tester',
        ));
        if (is_wp_error($id)) {
            fwrite(STDERR, $id->get_error_message());
            exit(1);
        }
    }
    $created = WP_Application_Passwords::create_new_application_password($id, array('name' => 'newsdesk-tests'));
    if (is_wp_error($created)) {
        fwrite(STDERR, $created->get_error_message());
        exit(1);
    }
    $users[$role] = array('id' => $id, 'login' => get_userdata($id)->user_login, 'app_password' => $created[0]);
}
echo json_encode(array('users' => $users));
