<?php
// A reader's page as a classic theme prints it. the_meta() lists every custom field
// that is not protected, as many themes do: what the newsroom keeps private must not
// show up there.
?><!doctype html>
<html <?php language_attributes(); ?>><head><?php wp_head(); ?></head>
<body <?php body_class(); ?>>
<?php while (have_posts()) : the_post(); ?>
<article <?php post_class(); ?>>
<h1><?php the_title(); ?></h1>
<?php the_content(); ?>
<?php the_meta(); ?>
</article>
<?php endwhile; ?>
<?php wp_footer(); ?>
</body></html>
