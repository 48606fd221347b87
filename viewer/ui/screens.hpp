// The screens. Each draws into the body region below the top bar (cursor already placed there)
// and asks for moves on taps (ctx.ask). `body` is the size of that region.
#pragma once

#include "context.hpp"

namespace hs::ui {

void draw_home(const Context &ctx, ImVec2 body);
void draw_topic(const Context &ctx, ImVec2 body);
void draw_step(const Context &ctx, ImVec2 body);
void draw_faq(const Context &ctx, ImVec2 body);
void draw_success(const Context &ctx, ImVec2 body);
void draw_ask_team(const Context &ctx, ImVec2 body);
// Search: the typed words, results as they are typed, the on-screen keyboard.
void draw_search(const Context &ctx, ImVec2 body);
// The customer is done with what they typed (a result, a topic or a team member chosen, or
// search left): the run to hand to analytics, once per run, if there is anything.
std::optional<SearchRun> finish_search(UiState &ui);
// Between customers: the whole screen invites a tap and cycles through the topic titles.
void draw_attract(const Context &ctx, ImVec2 screen);
// Admin: loaded and refused plugins, problems, version, uptime, frame and memory figures.
void draw_diagnostics(const Context &ctx, ImVec2 screen);
// Admin: customer outcomes (top topics this week, each fix's success rate and where it is
// abandoned) as a table and bar charts, from the report read when the screen opened.
void draw_outcomes(const Context &ctx, ImVec2 screen);

// The shell: a full-screen window with the navigation bar (Home, Back) around the current screen,
// and the overlays on top.
void draw_shell(const Context &ctx, ImVec2 screen);

} // namespace hs::ui
