/*
 * routes.c — THE table of HTTP routes: method, path pattern, the staff roles allowed (0 =
 * public), flags, and the input fields each handler receives validated (name, type,
 * required, maximum length, label for messages). Nothing else decides who may do what.
 */
#include <stdint.h>

#include "web/app.h"
#include "web/handlers.h"

#define FIELDS(...) ((const struct web_field[]){ __VA_ARGS__, { NULL, 0, 0, 0, NULL } })

const struct web_route web_routes[] = {
	/* public portal */
	{ "GET", "/", 0, 0, NULL, h_home },
	{ "GET", "/prefs/text", 0, 0,
	  FIELDS({ "size", F_LINE, 1, 16, "字号" }, { "back", F_LINE, 0, 512, "返回页面" }),
	  h_text_size },

	{ "GET", "/feedback", 0, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "受理机关" }), h_feedback_form },
	{ "POST", "/feedback", 0, R_FORM | R_PUBLIC_POST,
	  FIELDS({ "agency", F_INT, 1, INT32_MAX, "受理机关" }, { "text", F_TEXT, 1, 6000, "意见内容" },
		 { "contact", F_LINE, 0, 200, "联系方式" }),
	  h_feedback },

	/* staff console */
	{ "GET", "/console/login", 0, 0, FIELDS({ "next", F_LINE, 0, 512, "登录后前往" }), h_login_form },
	{ "POST", "/console/login", 0, R_FORM | R_LOGIN,
	  FIELDS({ "user", F_LINE, 1, 64, "用户名" }, { "password", F_LINE, 1, 256, "密码" },
		 { "next", F_LINE, 0, 512, "登录后前往" }),
	  h_login },
	{ "POST", "/console/logout", R_ANY, 0, NULL, h_logout },
	{ "GET", "/console", R_ANY, 0, NULL, h_dashboard },

	{ "GET", "/console/users", R_ADMIN, 0, NULL, h_users },
	{ "POST", "/console/users", R_ADMIN, R_FORM,
	  FIELDS({ "name", F_LINE, 1, 64, "用户名" }, { "display_name", F_LINE, 0, 100, "姓名" },
		 { "role", F_LINE, 1, 16, "角色" }, { "agency", F_INT, 0, INT32_MAX, "所属机关" },
		 { "password", F_LINE, 1, 256, "初始密码" }),
	  h_user_add },
	{ "GET", "/console/audit", R_ADMIN | R_LEADER | R_SUPERVISOR, 0, NULL, h_audit },

	{ NULL, NULL, 0, 0, NULL, NULL },
};
