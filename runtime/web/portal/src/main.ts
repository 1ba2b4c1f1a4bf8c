import { createApp } from 'vue';
// Bootstrap 5 and Form.io's styles first (the renderer's markup needs them), the design language over them.
import 'bootstrap/dist/css/bootstrap.min.css';
import '@formio/js/dist/formio.form.min.css';
import '../../shared/styles/base.css';
import './formio/formio-portal.css';
import './portal.css';
import App from './App.vue';
import { router } from './router';

createApp(App).use(router).mount('#app');
